package io.closewatch.agent.instrumentation.helidon;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/** {@code WsListener.onError(session, error)}: what Helidon tells the listener went wrong. */
public final class ErrorAdvice {
    private ErrorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.Argument(0) Object session, @Advice.Argument(1) Throwable error) {
        CloseWatchBridge.errorReported(session, error);
    }
}
