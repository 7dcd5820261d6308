package io.closewatch.agent.instrumentation.jetty9;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

import java.util.concurrent.TimeoutException;

/**
 * {@code WebSocketSession.callApplicationOnError(cause)}, what Jetty 9.4 tells the application went wrong, and
 * {@code WebSocketSession.close(cause)}, where it fails a session whose handler threw. Its idle timeout comes this way
 * as the {@code TimeoutException} of Jetty's own idle timer, in a {@code CloseException}.
 */
public final class ApplicationErrorAdvice {
    private ApplicationErrorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.This Object session, @Advice.Argument(0) Throwable cause) {
        if (cause instanceof TimeoutException || cause != null && cause.getCause() instanceof TimeoutException) {
            CloseWatchBridge.idleTimedOut(session);
        } else {
            CloseWatchBridge.errorReported(session, cause);
        }
    }
}
