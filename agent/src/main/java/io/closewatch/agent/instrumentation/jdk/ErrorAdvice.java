package io.closewatch.agent.instrumentation.jdk;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/** {@code WebSocketImpl.signalError(error)}: the error the JDK then hands the listener's {@code onError}. */
public final class ErrorAdvice {
    private ErrorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.This Object webSocket, @Advice.Argument(0) Throwable error) {
        CloseWatchBridge.errorReported(webSocket, error);
    }
}
