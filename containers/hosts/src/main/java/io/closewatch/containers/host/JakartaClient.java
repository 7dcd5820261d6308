package io.closewatch.containers.host;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.concurrent.CountDownLatch;

/** The container's jakarta (or, relocated, javax) WebSocket client. */
class JakartaClient implements ContainerClient {
    final WebSocketContainer container = ContainerProvider.getWebSocketContainer();

    private interface Action {
        void act(Session session) throws Exception;
    }

    @Override
    public void close(URI target, int code) throws Exception {
        play(target, session -> session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), "bye")));
    }

    /**
     * Sends without blocking: the session's end is what a scenario waits for. Jetty 9.4's blocking send may fail after
     * its frame went out, when the close it asked for ends the session first.
     */
    @Override
    public void askServerToClose(URI target, int code) throws Exception {
        play(target, session -> session.getAsyncRemote().sendText("close:" + code));
    }

    @Override
    public void receiveTooBig(URI target) throws Exception {
        play(target, session -> {
            session.setMaxTextMessageBufferSize(ServerEndpoints.SMALL_MESSAGE_LIMIT);
            session.getAsyncRemote().sendText("send:" + 4 * ServerEndpoints.SMALL_MESSAGE_LIMIT);
        });
    }

    @Override
    public void failOnMessage(URI target) throws Exception {
        play(target, session -> session.getAsyncRemote().sendText("send:8"), true);
    }

    private void play(URI target, Action action) throws Exception {
        play(target, action, false);
    }

    private void play(URI target, Action action, boolean failing) throws Exception {
        CountDownLatch ended = new CountDownLatch(1);
        Endpoint endpoint = new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
                // takes text; a typed class, not a lambda, as JSR 356 1.0 (Jetty 9.4) finds the type by reflection
                session.addMessageHandler(new MessageHandler.Whole<String>() {
                    @Override
                    public void onMessage(String message) {
                        if (failing) {
                            throw new IllegalStateException("the client fails, as asked");
                        }
                    }
                });
            }

            @Override
            public void onError(Session session, Throwable error) {
                if (failing && session.isOpen()) {
                    try {
                        session.close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "failed"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }

            @Override
            public void onClose(Session session, CloseReason closeReason) {
                ended.countDown();
            }
        };
        action.act(container.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(), target));
        ItHost.await(ended, "jakarta client session to " + target);
    }
}
