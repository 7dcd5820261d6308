package io.closewatch.containers.host;

import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

import java.io.IOException;

/**
 * The endpoint of the web application the leak test deploys: a top-level class, so that the web application's
 * class loader can define its own copy from WEB-INF/classes.
 */
@ServerEndpoint("/webapp/{id}")
public final class WebappEndpoint {
    /** Obeys "close:&lt;code&gt;" itself: its class loader cannot reach the host's package-private helpers. */
    @OnMessage
    public void message(Session session, String message) throws IOException {
        if (message.startsWith("close:")) {
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(
                    Integer.parseInt(message.substring("close:".length()))), "asked to"));
        }
    }
}
