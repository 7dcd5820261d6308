package io.closewatch.containers.host;

import org.eclipse.jetty.websocket.api.WebSocketAdapter;

import java.util.concurrent.CountDownLatch;

/**
 * The listener of the clients of Jetty's own API where it has {@code WebSocketAdapter} (9.4, 10 and 11: compiled into
 * each of those runtimes, against its own Jetty). Takes text (else Jetty would not check its size), or throws on it
 * when failing (closing with 1011 on the error), and counts down when Jetty says the session ended.
 */
public final class AdapterEndingListener extends WebSocketAdapter {
    final CountDownLatch ended = new CountDownLatch(1);
    private final boolean failing;

    AdapterEndingListener(boolean failing) {
        this.failing = failing;
    }

    @Override
    public void onWebSocketText(String message) {
        if (failing) {
            throw new IllegalStateException("the client fails, as asked");
        }
    }

    @Override
    public void onWebSocketError(Throwable error) {
        if (failing && isConnected()) {
            getSession().close(1011, "failed");
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        super.onWebSocketClose(statusCode, reason);
        ended.countDown();
    }
}
