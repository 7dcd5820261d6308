package io.closewatch.agent.instrumentation.jetty9;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

import java.io.IOException;

/**
 * {@code AbstractWebSocketConnection.close(Throwable)}: Jetty 9.4 ends the session with the failure. An I/O failure
 * (a reset connection, a broken pipe) is the connection lost, whatever code Jetty then tells the application (1011 on
 * a server); its other failures (a protocol error, a message too big, the idle timeout) are its own closes.
 */
public final class ConnectionFailedAdvice {
    private ConnectionFailedAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.FieldValue("session") Object session, @Advice.Argument(0) Throwable cause) {
        if (session != null && cause instanceof IOException) {
            CloseWatchBridge.connectionLost(session);
        }
    }
}
