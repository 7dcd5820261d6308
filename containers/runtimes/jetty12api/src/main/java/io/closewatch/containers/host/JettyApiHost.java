package io.closewatch.containers.host;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketOpen;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Jetty 12.1's own WebSocket API on both sides: a server endpoint mapped by the URI template {@code /echo/{id}} and
 * Jetty's {@code WebSocketClient}. Plays one session per ending on 127.0.0.1, waits until both sides saw each end,
 * says READY with the server's port, and waits for "exit".
 */
public final class JettyApiHost {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private JettyApiHost() {
    }

    /** Closes with the code a text message asks for ("close 4001"). */
    @WebSocket
    public static final class ServerEndpoint {
        @OnWebSocketMessage
        public void onText(Session session, String message) {
            if (message.startsWith("close ")) {
                session.close(Integer.parseInt(message.substring(6)), "asked", Callback.NOOP);
            }
        }
    }

    /** Counts down when Jetty tells it the session ended. */
    @WebSocket
    public static final class ClientEndpoint {
        final CountDownLatch closed = new CountDownLatch(1);
        final CountDownLatch opened = new CountDownLatch(1);

        @OnWebSocketOpen
        public void onOpen(Session session) {
            opened.countDown();
        }

        @OnWebSocketClose
        public void onClose(int code, String reason) {
            closed.countDown();
        }
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ContextHandler context = new ContextHandler("/");
        context.setHandler(WebSocketUpgradeHandler.from(server, context, container ->
                container.addMapping("uri-template|/echo/{id}", (request, response, callback) -> new ServerEndpoint())));
        server.setHandler(context);
        server.start();
        int port = connector.getLocalPort();
        WebSocketClient client = new WebSocketClient();
        client.start();
        try {
            URI target = URI.create("ws://127.0.0.1:" + port + "/echo/42?token=secret");

            ClientEndpoint clientCloses = new ClientEndpoint(); // 1000 from the client
            session(client, clientCloses, target).close(1000, "bye", Callback.NOOP);
            await(clientCloses.closed, "the client's close");

            ClientEndpoint serverCloses = new ClientEndpoint(); // 4001 from the server
            session(client, serverCloses, target).sendText("close 4001", Callback.NOOP);
            await(serverCloses.closed, "the server's close");
        } finally {
            client.stop();
        }
        Thread.sleep(500); // the server side's ends are reported on Jetty's threads
        System.out.println("READY port=" + port);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null && !line.equals("exit")) {
            System.out.println("ignored " + line);
        }
        server.stop();
    }

    private static Session session(WebSocketClient client, ClientEndpoint endpoint, URI target) throws Exception {
        Session session = client.connect(endpoint, target).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        await(endpoint.opened, "the opening");
        return session;
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("timed out waiting for " + what);
        }
    }
}
