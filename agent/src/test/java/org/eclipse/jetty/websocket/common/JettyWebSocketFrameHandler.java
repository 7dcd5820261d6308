package org.eclipse.jetty.websocket.common;

import org.eclipse.jetty.websocket.api.UpgradeRequest;
import org.eclipse.jetty.websocket.core.CloseStatus;

/**
 * Stands in for Jetty 12.1's frame handler of its own WebSocket API in the fast hook tests: the fields and methods
 * the agent hooks (the hooks match the argument count only, so Jetty's core session, frame and callback are
 * Objects here).
 */
public class JettyWebSocketFrameHandler {
    private final Object container;
    private final UpgradeRequest upgradeRequest;
    private final Object endpointInstance;
    private WebSocketSession session;

    public JettyWebSocketFrameHandler(Object container, UpgradeRequest upgradeRequest) {
        this(container, upgradeRequest, null);
    }

    /** @param endpointInstance the application's listener, told of the open by its {@code onWebSocketOpen} */
    public JettyWebSocketFrameHandler(Object container, UpgradeRequest upgradeRequest, Object endpointInstance) {
        this.container = container;
        this.upgradeRequest = upgradeRequest;
        this.endpointInstance = endpointInstance;
    }

    /** Jetty makes the session here, and tells the application's endpoint. */
    public void onOpen(Object coreSession, Object callback) throws ReflectiveOperationException {
        session = new WebSocketSession(container, coreSession, this);
        if (endpointInstance != null) {
            endpointInstance.getClass().getMethod("onWebSocketOpen", Object.class).invoke(endpointInstance, session);
        }
    }

    public WebSocketSession getSession() {
        return session;
    }

    /** The peer's close frame, its own or the echo of this side's. */
    private void onCloseFrame(Object frame, Object callback) {
    }

    private void notifyOnClose(CloseStatus closeStatus, Object callback) {
    }

    /** What Jetty tells the listener went wrong ({@code onWebSocketError}). */
    public void onError(Throwable cause, Object callback) {
    }
}
