package io.closewatch.agent.instrumentation.jettyapi;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * {@code JettyWebSocketFrameHandler.onError(cause, callback)}: what Jetty tells the listener went wrong
 * ({@code onWebSocketError}), including its idle timeout ({@code WebSocketTimeoutException}).
 */
public final class ErrorAdvice {
    private ErrorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.FieldValue("session") Object session, @Advice.Argument(0) Throwable cause) {
        CloseWatchBridge.errorReported(session, cause);
    }
}
