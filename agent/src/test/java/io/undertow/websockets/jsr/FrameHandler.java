package io.undertow.websockets.jsr;

import io.undertow.websockets.core.WebSocketChannel;

/** Stands in for Undertow's jakarta.websocket frame handler in the fast hook tests. */
public class FrameHandler {
    private final UndertowSession session;

    public FrameHandler(UndertowSession session) {
        this.session = session;
    }

    /** The peer's close frame, in full. */
    protected void onFullCloseMessage(WebSocketChannel channel, Object message) {
    }
}
