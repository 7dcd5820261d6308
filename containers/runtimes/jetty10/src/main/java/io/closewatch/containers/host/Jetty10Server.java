package io.closewatch.containers.host;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.websocket.javax.server.config.JavaxWebSocketServletContainerInitializer;

/**
 * Embedded Jetty 10 (javax.websocket), which calls annotated endpoints through method handles, as 11 and 12 do.
 * Written against the hosts' jakarta types, which the runtime's host jar relocates to javax: the one cast below is
 * then of a javax container to itself (and the exception caught a javax one).
 */
class Jetty10Server implements ServerUnderTest {
    private final Server server = new Server();

    /** Jetty's client container runs a thread pool of non-daemon threads: the host JVM would not exit. */
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
        JavaxWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            try {
                deployEndpoints((jakarta.websocket.server.ServerContainer) (Object) container);
            } catch (jakarta.websocket.DeploymentException e) {
                throw new IllegalStateException(e);
            }
        });
        server.start();
        return connector.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
