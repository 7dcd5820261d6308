package io.vertx.core.http.impl;

/** Stands in for Vert.x 5's client WebSocket in the fast hook tests; it ends as Vert.x's does, through super. */
public class WebSocketImpl extends WebSocketImplBase {
    @Override
    void handleConnectionClosed() {
        super.handleConnectionClosed();
    }
}
