package io.vertx.core.http.impl;

import io.vertx.core.http.WebSocketBase;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.net.SocketAddress;

import java.util.concurrent.TimeUnit;

/**
 * Stands in for Vert.x 5's WebSocket base in the fast hook tests: the members the hooks read and hook, as Vert.x
 * uses them (the peer's close frame sets {@code closeStatusCode}; the close handler reads it at the end).
 */
public abstract class WebSocketImplBase implements WebSocketBase {
    private Short closeStatusCode;

    @Override
    public SocketAddress remoteAddress() {
        return new SocketAddress() {
            @Override
            public String host() {
                return "127.0.0.1";
            }

            @Override
            public int port() {
                return 8080;
            }
        };
    }

    @Override
    public boolean isSsl() {
        return false;
    }

    private void handleCloseFrame(WebSocketFrame frame) {
        closeStatusCode = frame.closeStatusCode();
    }

    public Object shutdown(long timeout, TimeUnit unit, short statusCode, String reason) {
        return null;
    }

    void handleConnectionClosed() {
    }
}
