package io.undertow.websockets.jsr;

import io.undertow.websockets.core.WebSocketChannel;

/** Stands in for Undertow's jakarta.websocket session in the fast hook tests: made on its connection. */
public class UndertowSession {
    private final WebSocketChannel channel;

    public UndertowSession(WebSocketChannel channel) {
        this.channel = channel;
    }

    public WebSocketChannel getWebSocketChannel() {
        return channel;
    }
}
