package io.closewatch.containers.host;

import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.Servlet;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Spring Framework WebSocket on embedded Undertow 2.3: the handlers of {@link SpringWebSockets} through Spring's
 * DispatcherServlet, which upgrades on Undertow's jakarta.websocket container, beside the plain endpoints.
 */
final class SpringUndertowServer extends UndertowServer {
    @Override
    void configure(DeploymentInfo deployment) {
        deployment.addServlet(Servlets.servlet("spring", DispatcherServlet.class,
                new ImmediateInstanceFactory<Servlet>(SpringWebSockets.dispatcher())).addMapping("/"));
    }
}
