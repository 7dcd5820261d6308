package io.closewatch.agent.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves {@code GET /metrics} in the Prometheus text format, or OpenMetrics when the scraper asks for it, and
 * {@code GET /-/healthy}; every other path is 404 and every other method 405. Optionally behind HTTP Basic
 * authentication (the health path stays open, it says nothing) and TLS. One daemon thread: scrapes are rare and
 * cheap, and the agent must never keep the host JVM alive.
 */
public final class MetricsHttpServer implements AutoCloseable {
    static final String OPENMETRICS = "application/openmetrics-text";
    static final String OPENMETRICS_CONTENT_TYPE = "application/openmetrics-text; version=1.0.0; charset=utf-8";
    static final String TEXT_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String METRICS = "/metrics";
    static final String HEALTH = "/-/healthy";

    private final HttpServer server;
    private final ExecutorService executor;

    private MetricsHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds and starts serving; throws when the address cannot be bound (the caller logs and carries on). */
    public static MetricsHttpServer start(String host, int port, PrometheusMeterRegistry registry,
                                          EndpointSecurity security) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new UnknownHostException("cannot resolve host '" + host + "'");
        }
        HttpServer server;
        if (security.tls() != null) {
            HttpsServer https = HttpsServer.create(address, 16);
            https.setHttpsConfigurator(new HttpsConfigurator(security.tls()));
            server = https;
        } else {
            server = HttpServer.create(address, 16);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "closewatch-metrics-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, registry, security));
        server.start();
        return new MetricsHttpServer(server, executor);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void handle(HttpExchange exchange, PrometheusMeterRegistry registry, EndpointSecurity security)
            throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!METRICS.equals(path) && !HEALTH.equals(path)) {
                respond(exchange, 404, "text/plain; charset=utf-8", "Not found: try /metrics\n");
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                respond(exchange, 405, "text/plain; charset=utf-8", "Method not allowed\n");
                return;
            }
            if (HEALTH.equals(path)) {
                respond(exchange, 200, "text/plain; charset=utf-8", "OK\n");
                return;
            }
            if (!security.authorizes(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"closewatch\", charset=\"UTF-8\"");
                respond(exchange, 401, "text/plain; charset=utf-8", "Authentication required\n");
                return;
            }
            String accept = exchange.getRequestHeaders().getFirst("Accept");
            boolean openMetrics = accept != null && accept.contains(OPENMETRICS);
            String contentType = openMetrics ? OPENMETRICS_CONTENT_TYPE : TEXT_CONTENT_TYPE;
            respond(exchange, 200, contentType, registry.scrape(contentType));
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
