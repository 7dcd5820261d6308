package io.closewatch.containers.host;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.websocket.server.NativeWebSocketServletContainerInitializer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeFilter;

/**
 * Embedded Jetty 9.4 serving {@link JettyApi94Endpoints} with Jetty's own WebSocket API through its upgrade filter,
 * and Jetty's own {@code WebSocketClient}: no javax.websocket on the class path.
 */
final class JettyApi94Server implements ServerUnderTest {
    private final Server server = new Server();

    @Override
    public int start() throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        server.setHandler(context);
        NativeWebSocketServletContainerInitializer.configure(context,
                (servletContext, configuration) -> JettyApi94Endpoints.map(configuration));
        WebSocketUpgradeFilter.configure(context);
        server.start();
        return connector.getLocalPort();
    }

    @Override
    public ContainerClient client() throws Exception {
        return new JettyApi94Client();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
