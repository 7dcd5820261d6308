package io.closewatch.containers.app;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/**
 * An endpoint with an {@code @OnError} of its own, which closes with 1011 as careful endpoints do: fails on "throw".
 */
@WebSocket(path = "/careful/{room}")
public class CarefulSocket {
    @OnTextMessage
    public void onMessage(String message) {
        if (message.equals("throw")) {
            throw new IllegalStateException("the client asked this endpoint to fail");
        }
    }

    @OnError
    public Uni<Void> onError(IllegalStateException failure, WebSocketConnection connection) {
        return connection.close(new CloseReason(1011, "failed"));
    }
}
