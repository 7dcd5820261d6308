package io.closewatch.containers.host;

import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.util.ImmediateInstanceFactory;
import jakarta.servlet.Servlet;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Spring Framework WebSocket on embedded Undertow 2.3: the handler of {@link SpringServer} through Spring's
 * DispatcherServlet, which upgrades on Undertow's jakarta.websocket container, beside the plain endpoints.
 */
final class SpringUndertowServer extends UndertowServer {
    @Override
    void configure(DeploymentInfo deployment) {
        AnnotationConfigWebApplicationContext spring = new AnnotationConfigWebApplicationContext();
        spring.register(SpringServer.WebSocketConfig.class);
        deployment.addServlet(Servlets.servlet("spring", DispatcherServlet.class,
                new ImmediateInstanceFactory<Servlet>(new DispatcherServlet(spring))).addMapping("/"));
    }
}
