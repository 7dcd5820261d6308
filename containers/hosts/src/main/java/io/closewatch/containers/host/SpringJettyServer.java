package io.closewatch.containers.host;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;

/**
 * Spring Framework WebSocket on embedded Jetty 12 (ee10): the handlers of {@link SpringWebSockets} through Spring's
 * DispatcherServlet, which upgrades on Jetty with Jetty's own WebSocket API (its {@code JettyRequestUpgradeStrategy}),
 * beside the plain jakarta endpoints every container serves.
 */
final class SpringJettyServer extends JettyServer {
    @Override
    void configure(ServletContextHandler context) {
        JettyWebSocketServletContainerInitializer.configure(context, null);
        context.addServlet(new ServletHolder(SpringWebSockets.dispatcher()), "/");
    }
}
