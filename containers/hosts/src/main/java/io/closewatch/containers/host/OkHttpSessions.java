package io.closewatch.containers.host;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * OkHttp's WebSocket client, as the scenarios drive it (on the hosts whose runtime has OkHttp): each call opens one
 * session, ends it as named, and returns once OkHttp told the listener it ended ({@code onClosed} or
 * {@code onFailure}).
 */
final class OkHttpSessions implements AutoCloseable {
    private final OkHttpClient client = new OkHttpClient();
    /** The same client, pinging its peer every second (off by default): a peer that answers no ping fails it. */
    private final OkHttpClient pinging = client.newBuilder().pingInterval(1, TimeUnit.SECONDS).build();

    /**
     * What the session's listener was told; it answers the peer's close frame with the same code, as OkHttp asks, and
     * throws on a text message if asked, as a listener with a bug does.
     */
    private static final class Listener extends WebSocketListener {
        final CountDownLatch opened = new CountDownLatch(1);
        final CountDownLatch ended = new CountDownLatch(1);
        private final boolean throwsOnMessage;

        Listener(boolean throwsOnMessage) {
            this.throwsOnMessage = throwsOnMessage;
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            opened.countDown();
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            if (throwsOnMessage) {
                throw new IllegalStateException("the listener fails, as asked");
            }
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(code, null);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            ended.countDown();
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable failure, Response response) {
            opened.countDown();
            ended.countDown();
        }
    }

    private interface Action {
        void act(WebSocket webSocket);
    }

    /** Plays {@code action} on a new session to {@code target} and waits for its end. */
    void play(URI target, Action action) throws InterruptedException {
        play(target, new Listener(false), action);
    }

    private void play(URI target, Listener listener, Action action) throws InterruptedException {
        play(client, target, listener, action);
    }

    private static void play(OkHttpClient client, URI target, Listener listener, Action action)
            throws InterruptedException {
        WebSocket webSocket = client.newWebSocket(new Request.Builder().url(target.toString()).build(), listener);
        ItHost.await(listener.opened, "OkHttp session to " + target + " opened");
        action.act(webSocket);
        ItHost.await(listener.ended, "OkHttp session to " + target + " ended");
    }

    void clientCloses(URI target, int code) throws InterruptedException {
        play(target, webSocket -> webSocket.close(code, "bye"));
    }

    void askServerToClose(URI target, int code) throws InterruptedException {
        play(target, webSocket -> webSocket.send("close:" + code));
    }

    void cancel(URI target) throws InterruptedException {
        play(target, WebSocket::cancel);
    }

    /** The peer ends the session (see {@link RawPeerServer}). */
    void peerEnds(URI target) throws InterruptedException {
        play(target, webSocket -> { });
    }

    /** The peer sends a message (see {@link RawPeerServer}), on which the listener throws. */
    void listenerThrows(URI target) throws InterruptedException {
        play(target, new Listener(true), webSocket -> { });
    }

    /** The peer answers no ping (see {@link RawPeerServer}): OkHttp's ping timeout fails the session. */
    void pingTimesOut(URI target) throws InterruptedException {
        play(pinging, target, new Listener(false), webSocket -> { });
    }

    /** OkHttp's dispatcher threads are not daemons: the host JVM would wait for them. */
    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
