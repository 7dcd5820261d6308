package io.closewatch.containers.host;

import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import org.glassfish.tyrus.server.Server;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Standalone Tyrus 2.2 on Grizzly. */
final class TyrusServer implements ServerUnderTest {
    private Server server;

    @Override
    public int start() throws Exception {
        // Tyrus takes port 0 to mean its default, 8025: find a free port first.
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        server = new Server("127.0.0.1", port, "/", Map.of(), Endpoints.class);
        server.start();
        return server.getPort();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** How Tyrus is told about endpoints: it instantiates this class itself. */
    public static final class Endpoints implements ServerApplicationConfig {
        @Override
        public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> scanned) {
            return new HashSet<>(ServerEndpoints.programmatic());
        }

        @Override
        public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
            return new HashSet<>(ServerEndpoints.annotated());
        }
    }
}
