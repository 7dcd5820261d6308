package io.closewatch.agent.instrumentation.handshake;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/** A method that uses the accept GUID returned: one handshake of an uncounted implementation answered or checked. */
public final class HandshakeAdvice {
    private HandshakeAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.Origin Class<?> type) {
        CloseWatchBridge.handshakeUncounted(type.getName());
    }
}
