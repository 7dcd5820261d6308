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
    private WebSocketSession session;

    public JettyWebSocketFrameHandler(Object container, UpgradeRequest upgradeRequest) {
        this.container = container;
        this.upgradeRequest = upgradeRequest;
    }

    /** Jetty makes the session here. */
    public void onOpen(Object coreSession, Object callback) {
        session = new WebSocketSession();
    }

    public WebSocketSession getSession() {
        return session;
    }

    /** The peer's close frame, its own or the echo of this side's. */
    private void onCloseFrame(Object frame, Object callback) {
    }

    private void notifyOnClose(CloseStatus closeStatus, Object callback) {
    }
}
