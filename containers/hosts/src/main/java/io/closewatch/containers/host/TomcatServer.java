package io.closewatch.containers.host;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.apache.tomcat.websocket.server.Constants;
import org.apache.tomcat.websocket.server.WsSci;

import java.nio.file.Files;

/** Embedded Tomcat (11, 10.1, and 9 through the javax build of this class). */
class TomcatServer implements ServerUnderTest {
    private final Tomcat tomcat = new Tomcat();

    @Override
    public int start() throws Exception {
        tomcat.setBaseDir(Files.createTempDirectory("closewatch-it-tomcat").toString());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        // The upgrade runs in Tomcat's WebSocket filter, and filters only run for requests mapped to a servlet.
        Tomcat.addServlet(context, "default", defaultServlet()).setLoadOnStartup(1);
        context.addServletMappingDecoded("/", "default");
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer((classes, servletContext) -> {
            ServerContainer container = (ServerContainer) servletContext.getAttribute(
                    Constants.SERVER_CONTAINER_SERVLET_CONTEXT_ATTRIBUTE);
            // Tomcat looks for idle sessions every 10 s by default; the idle-timeout scenario should not wait that long.
            ((WsWebSocketContainer) container).setProcessPeriod(1);
            try {
                for (Class<?> annotated : annotatedEndpoints()) {
                    container.addEndpoint(annotated);
                }
                for (ServerEndpointConfig config : programmaticEndpoints()) {
                    container.addEndpoint(config);
                }
            } catch (DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }, null);
        tomcat.start();
        return tomcat.getConnector().getLocalPort();
    }

    /** The servlet for "/": one that serves nothing, as the endpoints need none. */
    HttpServlet defaultServlet() {
        return new HttpServlet() {
        };
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
