package io.undertow.websockets.core;

import java.nio.channels.Channel;

/** Stands in for Undertow's WebSocket connection in the fast hook tests: open until closed. */
public class WebSocketChannel implements Channel {
    private volatile boolean open = true;

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        open = false;
    }
}
