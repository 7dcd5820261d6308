package io.closewatch.agent.instrumentation.helidon;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/** {@code close(code, reason)} of a server or client session: this side sends a close frame. */
public final class CloseSentAdvice {
    private CloseSentAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closeSent(@Advice.This Object session, @Advice.Argument(0) int code) {
        // The client's close with a negative code sends an empty frame: no status code (1005).
        CloseWatchBridge.closeSent(session, Api.HELIDON, code < 0 ? 1005 : code);
    }
}
