package org.eclipse.jetty.ee10.websocket.jakarta.common;

import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import org.eclipse.jetty.websocket.core.CloseStatus;

/**
 * Stands in for Jetty 12's frame handler in the fast hook tests: the fields and methods the agent hooks, with
 * stand-in types for Jetty's core session, frame and callback (the hooks match the argument count only).
 */
public class JakartaWebSocketFrameHandler {
    private final Object endpointInstance;
    private final EndpointConfig endpointConfig;
    private Session session;
    private final Session opening;

    public JakartaWebSocketFrameHandler(Object endpointInstance, EndpointConfig endpointConfig, Session opening) {
        this.endpointInstance = endpointInstance;
        this.endpointConfig = endpointConfig;
        this.opening = opening;
    }

    /** Jetty creates the session here: it is only in the field once the method returns. */
    public void onOpen(Object coreSession, Object callback) {
        session = opening;
    }

    /** The peer's close frame. */
    public void onClose(Object frame, Object callback) {
    }

    /** The application is told the session is over, with this status. */
    public void notifyOnClose(CloseStatus closeStatus, Object callback) {
    }
}
