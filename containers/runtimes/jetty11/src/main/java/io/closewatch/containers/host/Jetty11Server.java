package io.closewatch.containers.host;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;

/**
 * Embedded Jetty 11, whose jakarta.websocket implementation, as Jetty 12's, calls annotated endpoints through method
 * handles, with no Endpoint between.
 */
class Jetty11Server implements ServerUnderTest {
    private final Server server = new Server();

    /** Jetty's jakarta client container runs a thread pool of non-daemon threads: the host JVM would not exit. */
    @Override
    public ContainerClient client() {
        return new JakartaClient() {
            @Override
            public void close() throws Exception {
                LifeCycle.stop(container);
            }
        };
    }

    @Override
    public int start() throws Exception {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        server.setHandler(context);
        JakartaWebSocketServletContainerInitializer.configure(context,
                (servletContext, container) -> deployEndpoints(container));
        server.start();
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
