package io.closewatch.containers.app;

import io.helidon.webclient.websocket.WsClient;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A Helidon SE WebSocket service as Helidon's guide writes one: a chat room routed by "/chat/{room}", closing a session
 * as a message asks ("close:&lt;code&gt;"). Says "READY port=..." once it serves on 127.0.0.1, and stops when its
 * standard input says "exit" or ends, as the suite's hosts do. "client-close &lt;path&gt;" opens a session of Helidon's
 * {@code WsClient} to its own server, closes it, and says "DONE &lt;line&gt;" once the client was told.
 */
public final class ChatApplication {
    private ChatApplication() {
    }

    /** The chat room. */
    static final class ChatListener implements WsListener {
        @Override
        public void onMessage(WsSession session, String text, boolean last) {
            if (text.startsWith("close:")) {
                session.close(Integer.parseInt(text.substring("close:".length())), "asked to");
            }
        }
    }

    /** A client that closes its session as soon as it opens, and counts down when it is told the session closed. */
    static final class ClosingClient implements WsListener {
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public void onOpen(WsSession session) {
            session.close(1000, "bye");
        }

        @Override
        public void onClose(WsSession session, int status, String reason) {
            closed.countDown();
        }
    }

    private static void clientCloses(int port, String path) throws InterruptedException {
        ClosingClient listener = new ClosingClient();
        WsClient.builder().build().connect(URI.create("ws://127.0.0.1:" + port + path), listener);
        if (!listener.closed.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the client was not told its session ended");
        }
    }

    public static void main(String[] args) throws Exception {
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .addRouting(WsRouting.builder().endpoint("/chat/{room}", new ChatListener()))
                .build()
                .start();
        try {
            System.out.println("READY port=" + server.port());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("exit")) {
                if (line.startsWith("client-close ")) {
                    clientCloses(server.port(), line.substring("client-close ".length()));
                    System.out.println("DONE " + line);
                } else {
                    System.out.println("ignored " + line);
                }
            }
        } finally {
            server.stop();
        }
    }
}
