package io.closewatch.containers.host;

import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A host that makes Netty's WebSocket server handshaker, as a Netty WebSocket server does for its first upgrade,
 * says READY and waits for "exit". Netty's WebSocket codec is a stack Closewatch does not count.
 */
public final class UncountedStackHost {
    private UncountedStackHost() {
    }

    public static void main(String[] args) throws Exception {
        WebSocketServerHandshakerFactory factory =
                new WebSocketServerHandshakerFactory("ws://127.0.0.1/ws", null, false);
        Class<?> handshaker = Class.forName("io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker13");
        System.out.println("READY " + factory.getClass().getSimpleName() + " " + handshaker.getSimpleName());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("exit")) {
            System.out.println("ignored " + line);
        }
    }
}
