package io.closewatch.containers.host;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.WsWebSocketContainer;
import org.apache.tomcat.websocket.server.Constants;
import org.apache.tomcat.websocket.server.WsSci;

import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;

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
            // Tomcat looks for idle sessions every 10 s by default; the idle-timeout scenario should not wait so long.
            ((WsWebSocketContainer) container).setProcessPeriod(1);
            try {
                deployEndpoints(container);
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

    /**
     * Deploys a web application at {@code path} whose class loader defines its own {@link WebappEndpoint} from
     * WEB-INF/classes, and returns a weak reference to that loader.
     */
    WeakReference<ClassLoader> deployWebapp(String path) throws Exception {
        Path docBase = Files.createTempDirectory("closewatch-webapp");
        String classFile = WebappEndpoint.class.getName().replace('.', '/') + ".class";
        Path copy = docBase.resolve("WEB-INF/classes").resolve(classFile);
        Files.createDirectories(copy.getParent());
        try (InputStream in = TomcatServer.class.getClassLoader().getResourceAsStream(classFile)) {
            Files.copy(in, copy);
        }
        // Configured in full before it joins the running host, which starts it at once.
        StandardContext webapp = new StandardContext();
        webapp.setPath(path);
        webapp.setDocBase(docBase.toString());
        webapp.addLifecycleListener(new Tomcat.FixContextListener());
        webapp.addServletContainerInitializer(new WsSci(), null);
        webapp.addServletContainerInitializer((classes, servletContext) -> {
            ServerContainer container = (ServerContainer) servletContext.getAttribute(
                    Constants.SERVER_CONTAINER_SERVLET_CONTEXT_ATTRIBUTE);
            try {
                container.addEndpoint(servletContext.getClassLoader().loadClass(WebappEndpoint.class.getName()));
            } catch (ClassNotFoundException | DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }, null);
        tomcat.getHost().addChild(webapp);
        Tomcat.addServlet(webapp, "default", defaultServlet());
        webapp.addServletMappingDecoded("/", "default");
        ClassLoader loader = webapp.getLoader().getClassLoader();
        if (loader.loadClass(WebappEndpoint.class.getName()) == WebappEndpoint.class) {
            throw new IllegalStateException("the web application did not define its own endpoint class");
        }
        return new WeakReference<>(loader);
    }

    /** Stops and removes the web application at {@code path}. */
    void undeployWebapp(String path) throws Exception {
        Context webapp = (Context) tomcat.getHost().findChild(path);
        webapp.stop();
        tomcat.getHost().removeChild(webapp);
        webapp.destroy();
    }

    @Override
    public void close() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }
}
