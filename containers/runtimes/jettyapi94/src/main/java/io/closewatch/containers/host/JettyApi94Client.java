package io.closewatch.containers.host;

import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.WebSocketClient;

import java.net.URI;
import java.util.concurrent.TimeUnit;

/** Jetty 9.4's own {@code WebSocketClient} ({@code org.eclipse.jetty.websocket.api}). */
final class JettyApi94Client implements ContainerClient {
    private final WebSocketClient client = new WebSocketClient();

    JettyApi94Client() throws Exception {
        client.start();
    }

    private interface Action {
        void act(Session session) throws Exception;
    }

    @Override
    public void close(URI target, int code) throws Exception {
        play(target, session -> session.close(code, "bye"));
    }

    /** Sends without blocking: the session's end is what a scenario waits for (see {@link JakartaClient}). */
    @Override
    public void askServerToClose(URI target, int code) throws Exception {
        play(target, session -> session.getRemote().sendStringByFuture("close:" + code));
    }

    @Override
    public void receiveTooBig(URI target) throws Exception {
        play(target, session -> {
            session.getPolicy().setMaxTextMessageSize(ServerEndpoints.SMALL_MESSAGE_LIMIT);
            session.getRemote().sendStringByFuture("send:" + 4 * ServerEndpoints.SMALL_MESSAGE_LIMIT);
        });
    }

    @Override
    public void failOnMessage(URI target) throws Exception {
        play(target, session -> session.getRemote().sendStringByFuture("send:8"), true);
    }

    private void play(URI target, Action action) throws Exception {
        play(target, action, false);
    }

    private void play(URI target, Action action, boolean failing) throws Exception {
        AdapterEndingListener listener = new AdapterEndingListener(failing);
        action.act(client.connect(listener, target).get(ItHost.TIMEOUT_SECONDS, TimeUnit.SECONDS));
        ItHost.await(listener.ended, "Jetty client session to " + target);
    }

    @Override
    public void close() throws Exception {
        client.stop();
    }
}
