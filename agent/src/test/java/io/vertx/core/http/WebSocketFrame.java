package io.vertx.core.http;

/** Stands in for Vert.x's frame in the fast hook tests: a close frame's code. */
public interface WebSocketFrame {
    short closeStatusCode();
}
