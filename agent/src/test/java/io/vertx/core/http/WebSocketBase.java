package io.vertx.core.http;

import io.vertx.core.net.SocketAddress;

/** Stands in for Vert.x's WebSocket type in the fast hook tests: what the client hook reads. */
public interface WebSocketBase {
    SocketAddress remoteAddress();

    boolean isSsl();
}
