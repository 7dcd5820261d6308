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
    private final CloseStatus closeWhileOpening;

    public JakartaWebSocketFrameHandler(Object endpointInstance, EndpointConfig endpointConfig, Session opening) {
        this(endpointInstance, endpointConfig, opening, null);
    }

    public JakartaWebSocketFrameHandler(Object endpointInstance, EndpointConfig endpointConfig, Session opening,
                                        CloseStatus closeWhileOpening) {
        this.endpointInstance = endpointInstance;
        this.endpointConfig = endpointConfig;
        this.opening = opening;
        this.closeWhileOpening = closeWhileOpening;
    }

    /**
     * Jetty creates the session here (a session given to the constructor stands for one made before); Jetty 11 (as
     * which the tests rename this class for it) then reads the frames that came with the handshake, which may end the
     * session before this returns: a {@code closeWhileOpening} status.
     */
    public void onOpen(Object coreSession, Object callback) {
        session = opening != null ? opening : new org.eclipse.jetty.websocket.jakarta.common.JakartaWebSocketSession(
                null, coreSession, this, endpointConfig);
        if (closeWhileOpening != null) {
            notifyOnClose(closeWhileOpening, callback);
        }
    }

    /** The peer's close frame. */
    public void onClose(Object frame, Object callback) {
    }

    /** The application is told the session is over, with this status. */
    public void notifyOnClose(CloseStatus closeStatus, Object callback) {
    }

    /** What Jetty tells the endpoint went wrong ({@code @OnError}). */
    public void onError(Throwable cause, Object callback) {
    }
}
