package io.closewatch.containers.host;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A host that loads Java-WebSocket's session class, as a Java-WebSocket server does for its first connection, says
 * READY and waits for "exit". Java-WebSocket is a stack Closewatch does not count.
 */
public final class UncountedStackHost {
    private UncountedStackHost() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> session = Class.forName("org.java_websocket.WebSocketImpl");
        System.out.println("READY " + session.getSimpleName());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("exit")) {
            System.out.println("ignored " + line);
        }
    }
}
