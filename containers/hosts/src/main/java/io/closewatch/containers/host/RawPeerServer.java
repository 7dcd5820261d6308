package io.closewatch.containers.host;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

/**
 * A WebSocket "server" on loopback that accepts the upgrade and then ends the connection the way the request path
 * says: {@code /close/<code>} sends a close frame with that code (even an illegal one), {@code /close/empty} an
 * empty close frame, {@code /fin} closes the TCP connection, {@code /rst} resets it.
 */
final class RawPeerServer implements AutoCloseable {
    private final ServerSocket serverSocket;
    private final Thread acceptor;

    RawPeerServer() throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "raw-peer-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
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
            String path = RawWebSocket.serverHandshake(socket);
            if (path.startsWith("/close/")) {
                String code = path.substring("/close/".length());
                RawWebSocket.sendClose(socket.getOutputStream(), "empty".equals(code) ? -1 : Integer.parseInt(code),
                        false);
                RawWebSocket.drain(socket);
            } else if (path.equals("/rst")) {
                RawWebSocket.reset(socket);
            } else if (!path.equals("/fin")) {
                throw new IOException("unknown raw peer action " + path);
            }
        } catch (IOException e) {
            e.printStackTrace();
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
