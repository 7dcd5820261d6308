package io.closewatch.agent.instrumentation.quarkus;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * {@code WebSocketConnectionImpl(..., ServerWebSocket webSocket, ...)}: Quarkus's connection stands for the Vert.x
 * session under the socket it holds (Vert.x Web's wrapper of it), so that what Quarkus reports about the connection
 * ({@link FailureAdvice}) is about that session.
 */
public final class ConnectionAdvice {
    private ConnectionAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void made(@Advice.This Object connection, @Advice.Argument(2) Object webSocket) {
        CloseWatchBridge.sameSession(connection, webSocket);
    }
}
