package io.vertx.core.http.impl;

/** Stands in for Vert.x 5's server WebSocket in the fast hook tests: the path it was requested at. */
public class ServerWebSocketImpl extends WebSocketImplBase {
    private final String path;

    public ServerWebSocketImpl(String path) {
        this.path = path;
    }
}
