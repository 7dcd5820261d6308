package io.closewatch.agent.instrumentation.websocket;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * {@code Endpoint.onError(session, error)}: what the container tells the application went wrong (a handler's
 * exception, the connection's I/O error), which is why the session then ends.
 */
public final class EndpointErrorAdvice {
    private EndpointErrorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void onError(@Advice.Argument(0) Object session, @Advice.Argument(1) Throwable error) {
        CloseWatchBridge.errorReported(session, error);
    }
}
