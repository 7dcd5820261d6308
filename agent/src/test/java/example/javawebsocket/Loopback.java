package example.javawebsocket;

import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.server.WebSocketServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real Java-WebSocket server and client on 127.0.0.1, defined (with Java-WebSocket itself) through the hooks by the
 * fast tests' loader: each method plays one session and returns once both sides were told it ended. The server closes
 * as a message asks ("close:&lt;code&gt;").
 */
public final class Loopback implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;

    private final Server server = new Server();

    public Loopback() throws InterruptedException {
        server.start();
        await(server.started);
    }

    public int port() {
        return server.getPort();
    }

    /** The client closes with {@code code}. */
    public void clientCloses(String path, int code) throws Exception {
        Client client = open(path);
        client.close(code, "bye");
        await(client.closed);
        await(server.closed);
    }

    /** The server closes with {@code code}. */
    public void serverCloses(String path, int code) throws Exception {
        Client client = open(path);
        client.send("close:" + code);
        await(client.closed);
        await(server.closed);
    }

    /** The server aborts: Java-WebSocket's close with 1006 drops the connection without a close frame. */
    public void serverAborts(String path) throws Exception {
        Client client = open(path);
        client.send("close:1006");
        await(client.closed);
        await(server.closed);
    }

    /** The client drops the connection without a close frame ({@code closeConnection}). */
    public void clientDropsTheConnection(String path) throws Exception {
        Client client = open(path);
        client.closeConnection(1006, "dropped");
        await(client.closed);
        await(server.closed);
    }

    /** The client's handshake meets a server that hangs up: no session ever opened. */
    public void clientIsRefused() throws Exception {
        try (ServerSocket hangsUp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try (Socket socket = hangsUp.accept()) {
                    socket.getInputStream().read();
                } catch (IOException ignored) {
                    // the client gave up first
                }
            });
            acceptor.start();
            Client client = new Client(URI.create("ws://127.0.0.1:" + hangsUp.getLocalPort() + "/"));
            if (client.connectBlocking(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("a server that hangs up accepted the handshake");
            }
            await(client.closed);
            acceptor.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
        }
    }

    private Client open(String path) throws InterruptedException {
        server.closed = new CountDownLatch(1);
        Client client = new Client(URI.create("ws://127.0.0.1:" + port() + path));
        if (!client.connectBlocking(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("no session to " + path);
        }
        return client;
    }

    private static void await(CountDownLatch latch) throws InterruptedException {
        if (!latch.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("not told within " + TIMEOUT_SECONDS + " s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.stop(1000);
    }

    private static final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        volatile CountDownLatch closed = new CountDownLatch(1);

        Server() {
            super(new InetSocketAddress("127.0.0.1", 0));
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
            conn.close(Integer.parseInt(message.substring("close:".length())), "asked to");
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            closed.countDown();
        }

        @Override
        public void onError(WebSocket conn, Exception error) {
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
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closed.countDown();
        }

        @Override
        public void onError(Exception error) {
        }
    }
}
