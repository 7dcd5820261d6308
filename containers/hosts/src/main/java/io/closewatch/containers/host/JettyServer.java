package io.closewatch.containers.host;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12.1 (ee10), which calls annotated endpoints through method handles, with no Endpoint between. */
class JettyServer implements ServerUnderTest {
    private final Server server = new Server();

    @Override
    public ContainerClient client() {
        return EmbeddedJetty.jakartaClient();
    }

    @Override
    public int start() throws Exception {
        ServerConnector connector = EmbeddedJetty.connector(server);
        ServletContextHandler context = new ServletContextHandler("/");
        server.setHandler(context);
        JakartaWebSocketServletContainerInitializer.configure(context,
                (servletContext, container) -> deployEndpoints(container));
        configure(context);
        server.start();
        return connector.getLocalPort();
    }

    /** What a subclass serves besides the plain endpoints. */
    void configure(ServletContextHandler context) {
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
