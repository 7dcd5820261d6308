package io.closewatch.containers.host;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.websocket.server.config.JettyWebSocketServletContainerInitializer;

/**
 * Embedded Jetty 11 (or, relocated to javax.servlet, Jetty 10) serving {@link JettyApi11Endpoints} with Jetty's own API,
 * and Jetty's own {@code WebSocketClient}: no jakarta.websocket on the class path.
 */
final class JettyApi11Server implements ServerUnderTest {
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
        JettyWebSocketServletContainerInitializer.configure(context,
                (servletContext, container) -> JettyApi11Endpoints.map(container));
        server.start();
        return connector.getLocalPort();
    }

    @Override
    public ContainerClient client() throws Exception {
        return new JettyApi11Client();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
