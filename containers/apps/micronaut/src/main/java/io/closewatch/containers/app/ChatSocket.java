package io.closewatch.containers.app;

import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;

/**
 * A chat room as Micronaut's guide writes one; it closes a session as a message asks ("close:&lt;code&gt;"), and fails
 * on "throw" (Micronaut then closes with 1011).
 */
@ServerWebSocket("/chat/{room}")
public class ChatSocket {
    @OnOpen
    public void onOpen(String room, WebSocketSession session) {
    }

    @OnMessage
    public void onMessage(String room, String message, WebSocketSession session) {
        if (message.equals("throw")) {
            throw new IllegalStateException("the client asked this handler to fail");
        }
        if (message.startsWith("close:")) {
            session.close(new CloseReason(Integer.parseInt(message.substring("close:".length())), "asked to"));
        }
    }
}
