package io.closewatch.demo;

import jakarta.servlet.http.HttpServlet;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.websocket.server.Constants;
import org.apache.tomcat.websocket.server.WsSci;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The Closewatch demo: a chat service on embedded Tomcat 11 with simulated users. Run it with the agent attached
 * and watch {@code websocket_closes_total} on the agent's /metrics.
 */
public final class DemoServer {
    private static final Logger LOG = LoggerFactory.getLogger(DemoServer.class);
    private static final long SUMMARY_SECONDS = 30;

    private DemoServer() {
    }

    public static void main(String[] args) throws Exception {
        SLF4JBridgeHandler.removeHandlersForRootLogger(); // Tomcat logs through java.util.logging
        SLF4JBridgeHandler.install();
        DemoConfig config;
        try {
            config = DemoConfig.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            LOG.error("Bad demo setting: {}", e.getMessage());
            System.exit(2);
            return;
        }

        Tomcat tomcat = new Tomcat();
        AdminServlet admin = new AdminServlet(config.profile());
        startTomcat(tomcat, config, admin);
        int port = tomcat.getConnector().getLocalPort();
        FlakyNetwork flakyNetwork = new FlakyNetwork(port);
        TrafficGenerator traffic = new TrafficGenerator(config.profile(), port, flakyNetwork, config.users());
        admin.serve(traffic);
        ScheduledExecutorService summary =
                Executors.newSingleThreadScheduledExecutor(r -> DaemonThreads.daemon(r, "traffic-summary"));
        summary.scheduleAtFixedRate(() -> LOG.info("sessions ended so far: {}", traffic.endedSoFar()),
                SUMMARY_SECONDS, SUMMARY_SECONDS, TimeUnit.SECONDS);

        LOG.info("Closewatch demo up: profile {}, {} simulated users; chat ws://localhost:{}{}, feed "
                + "ws://localhost:{}{}. The Closewatch agent's start-up line says where the metrics are (by default "
                + "http://localhost:9469/metrics). A burst of 1006: curl -X POST http://localhost:{}/admin/burst-1006",
                config.profile().name().toLowerCase(Locale.ROOT), config.users(), port, "/chat/{room}", port,
                FeedEndpoint.PATH, port);

        Runnable stop = () -> {
            try {
                traffic.close();
                flakyNetwork.close();
                tomcat.stop();
                tomcat.destroy();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | LifecycleException e) {
                LOG.warn("stopping: {}", e.toString());
            }
        };
        if (config.durationSeconds() > 0) {
            Thread.sleep(TimeUnit.SECONDS.toMillis(config.durationSeconds()));
            LOG.info("ran for {} s; stopping. Sessions ended: {}", config.durationSeconds(), traffic.endedSoFar());
            stop.run();
        } else {
            Runtime.getRuntime().addShutdownHook(new Thread(stop, "demo-shutdown"));
            tomcat.getServer().await();
        }
    }

    static void startTomcat(Tomcat tomcat, DemoConfig config, AdminServlet admin)
            throws IOException, LifecycleException {
        tomcat.setBaseDir(Files.createTempDirectory("closewatch-demo").toString());
        Connector connector = new Connector();
        connector.setPort(config.port());
        connector.setProperty("address", config.host());
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        // Tomcat upgrades WebSocket requests in a filter, and filters run only for requests mapped to a servlet.
        Tomcat.addServlet(context, "default", new HttpServlet() {
        });
        context.addServletMappingDecoded("/", "default");
        Tomcat.addServlet(context, "admin", admin);
        context.addServletMappingDecoded("/admin/*", "admin");
        context.addServletContainerInitializer(new WsSci(), null);
        context.addServletContainerInitializer((classes, servletContext) -> {
            ServerContainer container = (ServerContainer) servletContext.getAttribute(
                    Constants.SERVER_CONTAINER_SERVLET_CONTEXT_ATTRIBUTE);
            try {
                container.addEndpoint(ChatEndpoint.class);
                container.addEndpoint(
                        ServerEndpointConfig.Builder.create(FeedEndpoint.class, FeedEndpoint.PATH).build());
            } catch (DeploymentException e) {
                throw new IllegalStateException(e);
            }
        }, null);
        tomcat.start();
    }
}
