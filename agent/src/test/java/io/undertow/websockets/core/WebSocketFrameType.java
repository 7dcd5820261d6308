package io.undertow.websockets.core;

/** Stands in for Undertow's frame types in the fast hook tests. */
public enum WebSocketFrameType {
    TEXT, CLOSE
}
