package io.vertx.core.net;

/** Stands in for Vert.x's address in the fast hook tests: what the client hook reads of its peer. */
public interface SocketAddress {
    String host();

    int port();
}
