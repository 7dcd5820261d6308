package io.closewatch.containers.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A WebSocket "server" written by hand, on loopback, that accepts the upgrade and then ends the connection the way
 * the request path says: {@code /close/<code>} sends a close frame with that code (even an illegal one),
 * {@code /close/empty} an empty close frame, {@code /fin} closes the TCP connection, {@code /rst} resets it,
 * {@code /text} sends a text message and waits for the client to end the connection, {@code /silent} answers
 * nothing, not even a ping, until the client ends it.
 * <p>
 * The container suite runs it in its own JVM (no agent there) and hands its port to the hosts
 * ({@link RawPeer#port}); run as a program under the agent, it is the implementation no module knows, which the
 * agent's handshake detector must name and count: it prints {@code READY raw=<port>} and stops on {@code exit}.
 */
public final class RawPeerServer implements AutoCloseable {
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket serverSocket;

    public RawPeerServer() throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "raw-peer-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static void main(String[] args) throws IOException {
        try (RawPeerServer server = new RawPeerServer()) {
            System.out.println("READY raw=" + server.port());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("exit"); line = in.readLine()) {
                System.out.println("DONE " + line); // nothing to play: the peers come from outside
            }
        }
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                Thread handler = new Thread(() -> handle(socket), "raw-peer-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                e.printStackTrace();
            }
        }
    }

    private static void handle(Socket socket) {
        try (socket) {
            String path = handshake(socket);
            if (path.startsWith("/close/")) {
                String code = path.substring("/close/".length());
                RawWebSocket.sendClose(socket.getOutputStream(), "empty".equals(code) ? -1 : Integer.parseInt(code),
                        false);
                RawWebSocket.drain(socket);
            } else if (path.equals("/rst")) {
                RawWebSocket.reset(socket);
            } else if (path.equals("/text")) {
                RawWebSocket.sendText(socket.getOutputStream(), "hello");
                RawWebSocket.drain(socket);
            } else if (path.equals("/silent")) { // answers nothing, not even a ping, until the client gives up
                RawWebSocket.drain(socket);
            } else if (!path.equals("/fin")) {
                throw new IOException("unknown raw peer action " + path);
            }
        } catch (IOException e) {
            e.printStackTrace();
        }
    }

    /** Reads the upgrade request, answers 101, and returns the requested path. */
    private static String handshake(Socket socket) throws IOException {
        String request = RawWebSocket.readHead(socket.getInputStream());
        String key = null;
        for (String line : request.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Key")) {
                key = line.substring(colon + 1).trim();
            }
        }
        if (key == null) {
            throw new IOException("not a WebSocket upgrade: " + request);
        }
        String response = "HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n";
        socket.getOutputStream().write(response.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return request.substring(request.indexOf(' ') + 1, request.indexOf(" HTTP/"));
    }

    private static String accept(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return Base64.getEncoder().encodeToString(
                    sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
