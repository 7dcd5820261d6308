package io.closewatch.containers.host;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Just enough of RFC 6455 to play a misbehaving peer: the client's opening handshake and single close frames with any
 * payload, including what no container sends on demand (an empty close frame, an illegal code). The server's side is
 * {@link RawPeerServer}'s alone: it holds the accept GUID, so the agent's handshake detector names whichever JVM
 * runs it, and the hosts of the container suite do not.
 */
final class RawWebSocket {
    private RawWebSocket() {
    }

    /** Client side: sends the upgrade request and checks for 101. */
    static void clientHandshake(Socket socket, String host, int port, String path) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + host + ":" + port + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        String response = readHead(socket.getInputStream());
        if (!response.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + response.lines().findFirst().orElse(""));
        }
    }

    /**
     * A raw client's session with the server on {@code port}: it closes with a code ("close/4001", or
     * "close/empty" for a close frame without one), drops the connection ("fin", "rst"), or stays silent, answering
     * nothing, not even a ping, until the server gives up on it ("silent").
     */
    static void playClient(int port, String action, String path) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        try (socket) {
            clientHandshake(socket, "127.0.0.1", port, path);
            if (action.startsWith("close/")) {
                String code = action.substring("close/".length());
                sendClose(socket.getOutputStream(), "empty".equals(code) ? -1 : Integer.parseInt(code), true);
                drain(socket);
            } else if (action.equals("rst")) {
                reset(socket);
            } else if (action.equals("silent")) {
                drain(socket);
            } else if (!action.equals("fin")) {
                throw new IllegalArgumentException("unknown raw client action " + action);
            }
        }
    }

    /**
     * Writes one close frame.
     *
     * @param code   the code to put on the wire, or -1 for an empty close frame
     * @param masked clients must mask, servers must not
     */
    static void sendClose(OutputStream out, int code, boolean masked) throws IOException {
        byte[] payload = code < 0 ? new byte[0] : new byte[] {(byte) (code >>> 8), (byte) code};
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x88); // FIN + close
        frame.write((masked ? 0x80 : 0) | payload.length);
        if (masked) {
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i % 4];
            }
        }
        frame.write(payload);
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Writes one short unmasked text frame, as a server does. */
    static void sendText(OutputStream out, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        out.write(0x81); // FIN + text
        out.write(payload.length); // under 126 bytes
        out.write(payload);
        out.flush();
    }

    /**
     * Reads and discards whatever the peer still sends, until it closes, it is silent for 5 s, or 15 s passed (a peer
     * that pings forever).
     */
    static void drain(Socket socket) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        try {
            socket.setSoTimeout(5_000);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1024];
            while (in.read(buffer) >= 0 && System.nanoTime() < deadline) {
                // discard
            }
        } catch (IOException ignored) {
            // the peer reset or the timeout passed: either way there is nothing more to read
        }
    }

    /** Closes the socket with a RST instead of a FIN. */
    static void reset(Socket socket) throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lastFour = 0;
        while (lastFour != 0x0D0A0D0A) { // "\r\n\r\n" ends the head
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the handshake");
            }
            head.write(b);
            lastFour = (lastFour << 8) | b;
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

}
