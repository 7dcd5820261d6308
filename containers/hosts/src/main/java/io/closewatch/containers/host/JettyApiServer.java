package io.closewatch.containers.host;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty 12.0 or 12.1 (ee10) serving {@link JettyApiEndpoints} with Jetty's own WebSocket API, and Jetty's
 * own {@code WebSocketClient}: no jakarta.websocket on the class path.
 */
final class JettyApiServer implements ServerUnderTest {
    private final Server server = new Server();

    @Override
    public int start() throws Exception {
        ServerConnector connector = EmbeddedJetty.connector(server);
        ServletContextHandler context = new ServletContextHandler("/");
        server.setHandler(context);
        JettyWebSocketServletContainerInitializer.configure(context,
                (servletContext, container) -> JettyApiEndpoints.map(container));
        server.start();
        return connector.getLocalPort();
    }

    @Override
    public ContainerClient client() throws Exception {
        return new JettyApiClient();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
