package io.closewatch.agent.instrumentation.helidon;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/**
 * {@code ClientWsConnection(...)}: made once the upgrade succeeded, inside {@code WsClientImpl.connect}, whose target
 * {@link ConnectAdvice} gave this thread.
 */
public final class ClientOpenAdvice {
    private ClientOpenAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void opened(@Advice.This Object session) {
        CloseWatchBridge.opened(session, Api.HELIDON, null, null, null);
    }
}
