package io.closewatch.containers.host;

import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * Spring Framework 5.3 WebSocket on embedded Jetty 9.4, as Spring Boot 2.7 runs it with its Jetty starter: the
 * handlers of {@link SpringWebSockets} through Spring's DispatcherServlet, which upgrades with Jetty's own WebSocket
 * API (its {@code JettyRequestUpgradeStrategy}), beside the plain javax endpoints.
 */
final class Spring53JettyServer extends Jetty94Server {
    @Override
    void configure(ServletContextHandler context) {
        context.addServlet(new ServletHolder(SpringWebSockets.dispatcher()), "/");
    }
}
