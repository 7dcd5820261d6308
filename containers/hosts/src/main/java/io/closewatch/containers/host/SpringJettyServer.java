package io.closewatch.containers.host;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.ee10.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Spring Framework WebSocket on embedded Jetty 12.1 (ee10): the handler of {@link SpringServer} through Spring's
 * DispatcherServlet, which upgrades on Jetty with Jetty's own WebSocket API (its {@code JettyRequestUpgradeStrategy}),
 * beside the plain jakarta endpoints every container serves.
 */
final class SpringJettyServer extends JettyServer {
    @Override
    void configure(ServletContextHandler context) {
        JettyWebSocketServletContainerInitializer.configure(context, null);
        AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
        spring.register(SpringServer.WebSocketConfig.class);
        context.addServlet(new ServletHolder(new DispatcherServlet(spring)), "/");
    }
}
