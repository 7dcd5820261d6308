package io.closewatch.containers.app;

import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;

/**
 * A websockets-next endpoint as Quarkus's guide writes one: closes with the code a "close:&lt;code&gt;" asks for, and
 * fails on "throw" (Quarkus then closes with 1011).
 */
@WebSocket(path = "/chat/{room}")
public class ChatSocket {
    @OnTextMessage
    public Uni<Void> onMessage(String message, WebSocketConnection connection) {
        if (message.equals("throw")) {
            throw new IllegalStateException("the client asked this endpoint to fail");
        }
        if (message.startsWith("close:")) {
            int code = Integer.parseInt(message.substring("close:".length()));
            return connection.close(new CloseReason(code, "asked to"));
        }
        return Uni.createFrom().voidItem();
    }
}
