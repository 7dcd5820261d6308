package io.closewatch.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static io.closewatch.demo.DaemonThreads.daemon;

/**
 * A TCP relay on loopback standing in for a bad network (a load balancer that drops connections): it forwards to
 * the server and resets both sides of every connection after a short while, so that neither sends a close frame.
 * The server and the client both see 1006.
 */
final class FlakyNetwork implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlakyNetwork.class);

    private final ServerSocket listener;
    private final int targetPort;
    private final ScheduledExecutorService cutter =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "cutter"));

    FlakyNetwork(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        daemon(this::accept, "flaky-network").start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                daemon(() -> pump(client, server), "flaky-up").start();
                daemon(() -> pump(server, client), "flaky-down").start();
                cutter.schedule(() -> {
                    reset(client);
                    reset(server);
                }, ThreadLocalRandom.current().nextLong(300, 1_500), TimeUnit.MILLISECONDS);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                LOG.warn("flaky network could not relay a connection: {}", e.toString());
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
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
