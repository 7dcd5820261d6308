package io.closewatch.containers.host;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Jetty's own {@code WebSocketClient} ({@code org.eclipse.jetty.websocket.api}), Jetty 12.0 or 12.1. */
final class JettyApiClient implements ContainerClient {
    private final WebSocketClient client = new WebSocketClient();

    JettyApiClient() throws Exception {
        client.start();
    }

    private interface Action {
        void act(Session session) throws Exception;
    }

    /**
     * Takes text (else Jetty would not check its size), or throws on it when failing (closing with 1011 on the error),
     * and counts down when Jetty says the session ended.
     */
    public static final class EndingListener implements Session.Listener.AutoDemanding {
        final CountDownLatch ended = new CountDownLatch(1);
        private final boolean failing;
        private Session session;

        EndingListener(boolean failing) {
            this.failing = failing;
        }

        @Override
        public void onWebSocketOpen(Session opened) {
            session = opened;
        }

        @Override
        public void onWebSocketText(String message) {
            if (failing) {
                throw new IllegalStateException("the client fails, as asked");
            }
        }

        @Override
        public void onWebSocketError(Throwable error) {
            if (failing && session.isOpen()) {
                session.close(1011, "failed", Callback.NOOP);
            }
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            ended.countDown();
        }
    }

    @Override
    public void close(URI target, int code) throws Exception {
        play(target, session -> session.close(code, "bye", Callback.NOOP));
    }

    @Override
    public void askServerToClose(URI target, int code) throws Exception {
        play(target, session -> session.sendText("close:" + code, Callback.NOOP));
    }

    @Override
    public void receiveTooBig(URI target) throws Exception {
        play(target, session -> {
            session.setMaxTextMessageSize(ServerEndpoints.SMALL_MESSAGE_LIMIT);
            session.sendText("send:" + 4 * ServerEndpoints.SMALL_MESSAGE_LIMIT, Callback.NOOP);
        });
    }

    @Override
    public void failOnMessage(URI target) throws Exception {
        play(target, session -> session.sendText("send:8", Callback.NOOP), true);
    }

    private void play(URI target, Action action) throws Exception {
        play(target, action, false);
    }

    private void play(URI target, Action action, boolean failing) throws Exception {
        EndingListener listener = new EndingListener(failing);
        action.act(client.connect(listener, target).get(ItHost.TIMEOUT_SECONDS, TimeUnit.SECONDS));
        ItHost.await(listener.ended, "Jetty client session to " + target);
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
