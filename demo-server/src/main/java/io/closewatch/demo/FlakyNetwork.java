package io.closewatch.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static io.closewatch.demo.DaemonThreads.daemon;

/**
 * A bad network between the simulated users and the server (a proxy or load balancer that drops connections): an
 * HTTP {@code CONNECT} proxy on loopback that tunnels to the server and resets both sides of every tunnel after a
 * short while, so that neither sends a close frame. The server and the client both see 1006. Being a proxy, not a
 * port of its own, the client still targets the server's address, so its sessions are labelled like every other
 * user's ({@code ws://127.0.0.1:<server port>}).
 */
final class FlakyNetwork implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlakyNetwork.class);
    private static final int MAX_REQUEST_HEAD = 4096;
    private static final int REQUEST_TIMEOUT_MILLIS = 5_000;

    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicLong tunnels = new AtomicLong();
    private final ScheduledExecutorService cutter =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cutter"));

    FlakyNetwork(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        daemon(this::accept, "flaky-network").start();
    }

    /** Where the proxy listens: give it to a client as its HTTP proxy. */
    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** Connections tunnelled to the server so far. */
    long tunnels() {
        return tunnels.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                daemon(() -> relay(client), "flaky-up").start();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                LOG.warn("flaky network could not accept a connection: {}", e.toString());
            }
        }
    }

    private void relay(Socket client) {
        Socket server;
        try {
            server = tunnel(client);
        } catch (IOException e) {
            LOG.warn("flaky network could not tunnel a connection: {}", e.toString());
            reset(client);
            return;
        }
        if (server == null) {
            return;
        }
        // The cut is timed from the server's first answer (its handshake's): a tunnel cut before it would be a
        // handshake that failed, which the client tries again, not a session dropped.
        Runnable cutLater = () -> cutter.schedule(() -> {
            reset(client);
            reset(server);
        }, ThreadLocalRandom.current().nextLong(300, 1_500), TimeUnit.MILLISECONDS);
        daemon(() -> pump(server, client, cutLater), "flaky-down").start();
        pump(client, server, () -> { });
    }

    /**
     * Reads the client's {@code CONNECT}, connects to the server and confirms; or refuses and closes. Only the server
     * is reachable through it: this is no open proxy.
     */
    private Socket tunnel(Socket client) throws IOException {
        client.setSoTimeout(REQUEST_TIMEOUT_MILLIS);
        String head = readHead(client.getInputStream());
        String expected = "CONNECT " + InetAddress.getLoopbackAddress().getHostAddress() + ":" + targetPort + " ";
        if (head == null || !head.startsWith(expected)) {
            client.getOutputStream().write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            client.close();
            return null;
        }
        client.setSoTimeout(0);
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        tunnels.incrementAndGet();
        return server;
    }

    /** The request line and headers, up to the empty line; null if longer than a request head can be. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < MAX_REQUEST_HEAD) {
            int next = in.read();
            if (next < 0) {
                return null;
            }
            head.append((char) next);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                return head.toString();
            }
        }
        return null;
    }

    /** Copies {@code from} to {@code to} until either ends; runs {@code firstBytes} once the first bytes passed. */
    private static void pump(Socket from, Socket to, Runnable firstBytes) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            boolean first = true;
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
                if (first && read > 0) {
                    first = false;
                    firstBytes.run();
                }
            }
        } catch (IOException ignored) {
            // the cut, or the other side went away: the other pump resets both sockets
        } finally {
            reset(from);
            reset(to);
        }
    }

    /** Closes with a RST: no FIN, so no orderly end of stream either. */
    private static void reset(Socket socket) {
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
                socket.close();
            }
        } catch (IOException ignored) {
            // already gone
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cutter.shutdownNow();
    }
}
