package io.closewatch.agent.instrumentation.helidon;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/** {@code ClientWsConnection.run()}: the client session ran to its end, however it ended. */
public final class ClientEndAdvice {
    private ClientEndAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void ended(@Advice.This Object session) {
        CloseWatchBridge.ended(session, Api.HELIDON, -1, true);
    }
}
