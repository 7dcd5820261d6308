package io.closewatch.containers.host;

import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A Java-WebSocket server and its client on 127.0.0.1, for {@code JavaWebSocketIT}, and a second server that checks
 * every second for lost connections: prints {@code READY server=<port> watchful=<port> raw=<port>} and plays one
 * scenario per line. The server closes as a message asks
 * ("close:&lt;code&gt;"), answers "echo" with "echo" (on which the client fails) and takes frames of at most
 * {@value #MAX_FRAME} bytes. Sessions at once are played by raw
 * peers on the other side: between Java-WebSocket's own server and client, which of two codes the server's
 * application is told is a race (see the IT).
 */
public final class JavaWebSocketHost {
    private static final int MAX_FRAME = 1024;

    private final int serverPort;
    private final int watchfulPort;

    private JavaWebSocketHost(int serverPort, int watchfulPort) {
        this.serverPort = serverPort;
        this.watchfulPort = watchfulPort;
    }

    public static void main(String[] args) throws Exception {
        Server server = new Server();
        // The same server, checking every second that its peers still answer its pings (Java-WebSocket's own
        // lost-connection check; the other server checks every minute, its default).
        Server watchful = new Server();
        watchful.setConnectionLostTimeout(1);
        server.start();
        watchful.start();
        ItHost.await(server.started, "the Java-WebSocket server's start");
        ItHost.await(watchful.started, "the watchful Java-WebSocket server's start");
        JavaWebSocketHost host = new JavaWebSocketHost(server.getPort(), watchful.getPort());
        System.out.println("READY server=" + host.serverPort + " watchful=" + host.watchfulPort + " raw="
                + RawPeer.port());
        ((Scenarios) host::run).playFromStandardInput();
        server.stop(1000);
        watchful.stop(1000);
    }

    private void run(String[] command) throws Exception {
        switch (command[0]) {
            case "client-close": // <code> <path>: the client closes
                session(serverPort, command[2], client -> client.close(Integer.parseInt(command[1]), "bye"));
                break;
            case "server-close": // <code> <path>: the server closes the client's session
                session(serverPort, command[2], client -> client.send("close:" + command[1]));
                break;
            case "server-throws": // <path>: the server's onMessage fails; its onError closes with 1011
                session(serverPort, command[1], client -> client.send("throw"));
                break;
            case "client-throws": // <path>: the client's onMessage fails on the echo; its onError closes with 1011
                session(serverPort, command[1], client -> client.send("echo"));
                break;
            case "raw-client-silent": // <path>: a raw client that answers no ping, until the watchful server drops it
                RawWebSocket.playClient(watchfulPort, "silent", command[1]);
                break;
            case "client-too-big": // <path>: the client sends a frame over the server's limit
                session(serverPort, command[1], client -> client.send("x".repeat(MAX_FRAME * 4)));
                break;
            default:
                if (!RawScenarios.play(command, serverPort, (port, path) -> session(port, path, client -> { }))) {
                    throw new IllegalArgumentException("unknown scenario " + command[0]);
                }
        }
    }

    /**
     * Opens a client session to {@code path}, acts on it while it is open, and waits until its {@code onClose} ran (a
     * raw peer may close it before the connect returns).
     */
    private static void session(int port, String path, Consumer<WebSocketClient> action) throws Exception {
        Client client = new Client(URI.create("ws://127.0.0.1:" + port + path));
        if (client.connectBlocking(ItHost.TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            action.accept(client);
        }
        ItHost.await(client.closed, "Java-WebSocket client session to " + port + path);
    }

    private static final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);

        Server() {
            super(new InetSocketAddress("127.0.0.1", 0),
                    // No extension, the empty protocol (as the default draft has), and the frame limit.
                    List.<Draft>of(new Draft_6455(Collections.emptyList(), List.of(new Protocol("")), MAX_FRAME)));
            setReuseAddr(true);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            if (message.equals("throw")) {
                throw new IllegalStateException("asked to throw");
            }
            if (message.startsWith("close:")) {
                conn.close(Integer.parseInt(message.substring("close:".length())), "asked to");
            }
            if (message.equals("echo")) {
                conn.send("echo");
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        }

        /** A handler's failure ends the session with 1011, as careful servers do. */
        @Override
        public void onError(WebSocket conn, Exception error) {
            if (conn != null && error instanceof IllegalStateException) {
                conn.close(1011, "failed");
            }
        }
    }

    private static final class Client extends WebSocketClient {
        final CountDownLatch closed = new CountDownLatch(1);

        Client(URI target) {
            super(target);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
        }

        @Override
        public void onMessage(String message) {
            if (message.equals("echo")) {
                throw new IllegalStateException("the client fails, as asked");
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closed.countDown();
        }

        /** A handler's failure ends the session with 1011, as on the server. */
        @Override
        public void onError(Exception error) {
            if (error instanceof IllegalStateException) {
                close(1011, "failed");
            }
        }
    }
}
