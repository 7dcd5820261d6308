package io.closewatch.agent.instrumentation.javawebsocket;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/** {@code WebSocketListener.onWebsocketError(session, error)}: what Java-WebSocket tells the application's onError. */
public final class ErrorAdvice {
    private ErrorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.Argument(0) Object session, @Advice.Argument(1) Throwable error) {
        CloseWatchBridge.errorReported(session, error);
    }
}
