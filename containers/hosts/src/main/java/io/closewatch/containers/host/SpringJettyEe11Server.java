package io.closewatch.containers.host;

import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.ee11.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.ee11.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Spring Framework 7 WebSocket on embedded Jetty 12.1's ee11 environment (Servlet 6.1), as Spring Boot 4 runs it:
 * Spring finds Jetty's ee11 WebSocket server there and upgrades through Jetty's own API. The same as
 * {@link SpringJettyServer} on ee10, which Spring 7 upgrades through the jakarta API instead.
 */
final class SpringJettyEe11Server implements ServerUnderTest {
    private final Server server = new Server();

    @Override
    public int start() throws Exception {
        ServerConnector connector = EmbeddedJetty.connector(server);
        ServletContextHandler context = new ServletContextHandler("/");
        server.setHandler(context);
        JakartaWebSocketServletContainerInitializer.configure(context,
                (servletContext, container) -> deployEndpoints(container));
        JettyWebSocketServletContainerInitializer.configure(context, null);
        context.addServlet(new ServletHolder(SpringWebSockets.dispatcher()), "/");
        server.start();
        return connector.getLocalPort();
    }

    @Override
    public ContainerClient client() {
        return EmbeddedJetty.jakartaClient();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
