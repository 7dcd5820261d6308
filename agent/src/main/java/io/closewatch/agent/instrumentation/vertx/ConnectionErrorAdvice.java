package io.closewatch.agent.instrumentation.vertx;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

import java.io.IOException;

/**
 * Vert.x's {@code ConnectionBase.handleException(Throwable)}, before the connection's exception handler runs: an I/O
 * failure (a reset, say) of the HTTP connection a server session was upgraded from, before any close frame, is a
 * connection lost, 1006 initiated by no one, whatever the application does next. Quarkus websockets-next closes the
 * session (1011) from that handler, which would otherwise read as this side's close. The connection is tied to its
 * session when the session opens ({@link ServerOpenAdvice}); any other connection is no session's and is ignored.
 */
public final class ConnectionErrorAdvice {
    private ConnectionErrorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.This Object connection, @Advice.Argument(0) Throwable error) {
        CloseWatchBridge.errorReported(connection, error);
        if (error instanceof IOException) {
            CloseWatchBridge.connectionLost(connection);
        }
    }
}
