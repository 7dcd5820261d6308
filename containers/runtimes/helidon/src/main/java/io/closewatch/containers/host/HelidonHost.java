package io.closewatch.containers.host;

import io.helidon.webclient.websocket.WsClient;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.websocket.WsConfig;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * A Helidon 4 SE WebSocket server and its {@code WsClient} on 127.0.0.1, for {@code HelidonIT}: prints
 * {@code READY server=<port> idle=<port> raw=<port>} and plays one scenario per line. The server routes
 * "/chat/{room}", closes as a message asks ("close:&lt;code&gt;") and takes frames of at most {@value #MAX_FRAME}
 * bytes; the idle one, the same, closes connections idle for a second.
 */
public final class HelidonHost {
    private static final int MAX_FRAME = 1024;

    private final int serverPort;
    private final int idleServerPort;
    private final WsClient client = WsClient.builder().build();

    private HelidonHost(int serverPort, int idleServerPort) {
        this.serverPort = serverPort;
        this.idleServerPort = idleServerPort;
    }

    public static void main(String[] args) throws Exception {
        WebServer server = server(null);
        WebServer idleServer = server(Duration.ofSeconds(1));
        try {
            HelidonHost host = new HelidonHost(server.port(), idleServer.port());
            System.out.println("READY server=" + host.serverPort + " idle=" + host.idleServerPort + " raw="
                    + RawPeer.port());
            ((Scenarios) host::run).playFromStandardInput();
        } finally {
            server.stop();
            idleServer.stop();
        }
    }

    /**
     * A server that closes the connections idle for longer than {@code idleTimeout}, checked as often; null: Helidon's
     * defaults.
     */
    private static WebServer server(Duration idleTimeout) {
        WebServerConfig.Builder builder = WebServer.builder().host("127.0.0.1").port(0);
        if (idleTimeout != null) {
            builder.idleConnectionTimeout(idleTimeout).idleConnectionPeriod(idleTimeout);
        }
        return builder.addProtocol(WsConfig.builder().maxFrameLength(MAX_FRAME).build())
                .addRouting(WsRouting.builder().endpoint("/chat/{room}", new Room()))
                .build()
                .start();
    }

    private void run(String[] command) throws Exception {
        switch (command[0]) {
            case "client-close": // <code> <path>: the client closes
                session(serverPort, command[2], session -> session.close(Integer.parseInt(command[1]), "bye"));
                break;
            case "server-close": // <code> <path>: the server closes the client's session
                session(serverPort, command[2], session -> session.send("close:" + command[1], true));
                break;
            case "server-throws": // <path>: the server's listener fails; its onError closes with 1011
                session(serverPort, command[1], session -> session.send("throw", true));
                break;
            case "client-throws": // <path>: the client's listener fails on the server's answer; its onError closes 1011
                session(serverPort, command[1], session -> session.send("echo", true));
                break;
            case "client-idle": // <path>: the client stays silent until the idle server's timeout (1 s) ends it
                session(idleServerPort, command[1], session -> { });
                break;
            case "client-too-big": // <path>: the client sends a frame over the server's limit
                session(serverPort, command[1], session -> session.send("x".repeat(MAX_FRAME * 4), true));
                break;
            default:
                if (!RawScenarios.play(command, serverPort, (port, path) -> session(port, path, session -> { }))) {
                    throw new IllegalArgumentException("unknown scenario " + command[0]);
                }
        }
    }

    /**
     * Opens a client session to {@code path}, acts on it as it opens, and waits until it ended: until the thread it
     * ran on (a virtual thread per session, Helidon's client's default) ended. A Helidon client is told nothing of a
     * connection the peer dropped, nor of a close frame without a code.
     */
    private void session(int port, String path, Consumer<WsSession> action) throws Exception {
        Client listener = new Client(action);
        client.connect(URI.create("ws://127.0.0.1:" + port + path), listener);
        ItHost.await(listener.opened, "Helidon client session to " + port + path);
        if (!listener.sessionThread.join(Duration.ofSeconds(ItHost.TIMEOUT_SECONDS))) {
            throw new AssertionError("the Helidon client session to " + port + path + " did not end");
        }
    }

    /**
     * The chat room. Fails on "throw", and then closes with 1011 from {@code onError}, as careful listeners do; answers
     * "echo" with "echo".
     */
    private static final class Room implements WsListener {
        @Override
        public void onMessage(WsSession session, String text, boolean last) {
            if (text.equals("throw")) {
                throw new IllegalStateException("asked to throw");
            }
            if (text.startsWith("close:")) {
                session.close(Integer.parseInt(text.substring("close:".length())), "asked to");
            }
            if (text.equals("echo")) {
                session.send("echo", true);
            }
        }

        @Override
        public void onError(WsSession session, Throwable error) {
            if (error instanceof IllegalStateException) {
                session.close(1011, "failed");
            }
        }
    }

    /**
     * Acts as its session opens, and knows the thread the session runs on; fails on "echo", and would close with 1011
     * from {@code onError}, as the room does, but Helidon's client tells its listener no failure of its own.
     */
    private static final class Client implements WsListener {
        final CountDownLatch opened = new CountDownLatch(1);
        volatile Thread sessionThread;
        private final Consumer<WsSession> action;

        Client(Consumer<WsSession> action) {
            this.action = action;
        }

        @Override
        public void onOpen(WsSession session) {
            sessionThread = Thread.currentThread();
            opened.countDown();
            action.accept(session);
        }

        @Override
        public void onMessage(WsSession session, String text, boolean last) {
            if (text.equals("echo")) {
                throw new IllegalStateException("the client fails, as asked");
            }
        }

        @Override
        public void onError(WsSession session, Throwable error) {
            if (error instanceof IllegalStateException) {
                session.close(1011, "failed");
            }
        }
    }
}
