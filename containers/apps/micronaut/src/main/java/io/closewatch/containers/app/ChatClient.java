package io.closewatch.containers.app;

import io.micronaut.websocket.annotation.ClientWebSocket;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;

import java.util.concurrent.CountDownLatch;

/** A chat client as Micronaut's guide writes one; {@link #closed} counts down when its session ends. */
@ClientWebSocket
public abstract class ChatClient implements AutoCloseable {
    final CountDownLatch closed = new CountDownLatch(1);

    @OnMessage
    public void onMessage(String message) {
    }

    @OnClose
    public void onClose() {
        closed.countDown();
    }
}
