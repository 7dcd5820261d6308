package io.closewatch.agent.instrumentation.jetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * {@code JakartaWebSocketFrameHandler.onError(cause, callback)}: what Jetty tells the endpoint went wrong (its
 * {@code @OnError}), including its idle timeout ({@code WebSocketTimeoutException}).
 */
public final class FrameHandlerErrorAdvice {
    private FrameHandlerErrorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.FieldValue("session") Object session, @Advice.Argument(0) Throwable cause) {
        CloseWatchBridge.errorReported(session, cause);
    }
}
