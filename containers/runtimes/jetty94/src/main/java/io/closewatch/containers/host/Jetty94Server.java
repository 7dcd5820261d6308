package io.closewatch.containers.host;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.websocket.jsr356.server.deploy.WebSocketServerContainerInitializer;

/**
 * Embedded Jetty 9.4 (javax.websocket), whose sessions, annotated, programmatic or of its own API, are all one class.
 * Written against the hosts' jakarta types, which the runtime's host jar relocates to javax: the one cast below is
 * then of a javax container to itself (and the exception caught a javax one).
 */
class Jetty94Server implements ServerUnderTest {
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
        WebSocketServerContainerInitializer.configure(context, (servletContext, container) -> {
            try {
                deployEndpoints((jakarta.websocket.server.ServerContainer) (Object) container);
            } catch (jakarta.websocket.DeploymentException e) {
                throw new IllegalStateException(e);
            }
        });
        configure(context);
        server.start();
        return connector.getLocalPort();
    }

    /** Adds to the context what a subclass serves beside the endpoints. */
    void configure(ServletContextHandler context) {
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
