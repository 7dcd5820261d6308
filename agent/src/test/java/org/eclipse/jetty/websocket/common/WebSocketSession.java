package org.eclipse.jetty.websocket.common;

import org.eclipse.jetty.websocket.api.Callback;

/**
 * Stands in for Jetty 12.1's session of its own WebSocket API in the fast hook tests: its constructor, close and
 * disconnect.
 */
public class WebSocketSession {
    /** As Jetty's: the name the module's byte search finds this class by. */
    private final JettyWebSocketFrameHandler frameHandler;

    public WebSocketSession(Object container, Object coreSession, JettyWebSocketFrameHandler frameHandler) {
        this.frameHandler = frameHandler;
    }

    public void close(int statusCode, String reason, Callback callback) {
    }

    public void disconnect() {
    }
}
