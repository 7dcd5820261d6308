package io.closewatch.containers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Spring Boot applications, built with Boot's starters into its repackaged jar ({@code containers/apps}): on Tomcat,
 * Undertow and Jetty (Boot 2.7: Spring 5.3, javax), on Jetty (3.5 and 4.0) and as WebFlux on Reactor Netty, each
 * played as {@link FrameworkAppIT} plays the other frameworks' (a class of their own, so that they run beside those).
 */
class SpringBootAppIT {
    @ParameterizedTest(name = "{0} on Java {5}")
    @CsvSource(delimiter = ';', value = {
            "boot27; javax; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot27undertow; javax; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot27jetty; jetty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot35jetty; jetty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot40jetty; jetty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot35webflux; reactor-netty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot40webflux; reactor-netty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17"})
    void everyCloseIsCountedOnceUnderTheMappingPattern(String app, String api, String path, String route,
                                                       String arguments, int java) throws Exception {
        FrameworkAppIT.everyCloseIsCountedOnce(app, api, path, route, arguments, java);
    }

    /**
     * Why each close happened, on Boot 3.5 on Tomcat and on Jetty: a {@code TextWebSocketHandler} and a
     * {@code @ServerEndpoint} that throw {@code IllegalStateException} (Spring closes the first with 1011; the second's
     * {@code @OnError} closes with 1011, where Jetty 12.0 has closed with 1003 already), a clean close, and a dropped
     * connection, whose cause is the I/O error the container reports. The causes add up to the closes.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "boot35actuator, jakarta, 1011, java.io.EOFException",
            "boot35jetty, jetty, 1003, java.nio.channels.ClosedChannelException"})
    void eachCloseIsCountedUnderWhatTheApplicationWasToldWentWrong(String app, String springApi,
                                                                   int endpointFailureCode, String dropCause)
            throws Exception {
        try (HostJvm host = HostJvm.startApp(app, List.of("--server.port=0", "--server.address=127.0.0.1"),
                JavaHomes.require(17), "port={port}")) {
            String base = "ws://127.0.0.1:" + host.readyValue("port");
            HttpClient client = HttpClient.newHttpClient();
            JdkClientSessions.session(client, base + "/ws/1", webSocket -> webSocket.sendText("throw", true));
            JdkClientSessions.session(client, base + "/std/2", webSocket -> webSocket.sendText("throw", true));
            JdkClientSessions.session(client, base + "/ws/3", webSocket -> webSocket.sendClose(1000, "bye"));
            JdkClientSessions.session(client, base + "/ws/4", WebSocket::abort);
            String failure = "java.lang.IllegalStateException";
            Map<String, Double> expected = new TreeMap<>(Map.of(
                    series(springApi, "/ws/{id}", 1011, "server_error", "local", null), 1.0,
                    series("jakarta", "/std/{id}", endpointFailureCode, endpointFailureCode == 1011 ? "server_error"
                            : "protocol_error", "local", null), 1.0,
                    series(springApi, "/ws/{id}", 1000, "normal", "remote", null), 1.0,
                    series(springApi, "/ws/{id}", 1006, "abnormal", "none", null), 1.0));
            expected.putAll(Map.of(
                    series(springApi, "/ws/{id}", 1011, null, null, failure), 1.0,
                    series("jakarta", "/std/{id}", endpointFailureCode, null, null, failure), 1.0,
                    series(springApi, "/ws/{id}", 1000, null, null, "none"), 1.0,
                    series(springApi, "/ws/{id}", 1006, null, null, dropCause), 1.0));
            long deadline = System.nanoTime() + 10_000_000_000L;
            Map<String, Double> counted = counted(host);
            while (!counted.equals(expected) && System.nanoTime() < deadline) {
                Thread.sleep(50);
                counted = counted(host);
            }
            Thread.sleep(500); // and it stays so
            assertEquals(expected, counted(host), host.stderr());
        }
    }

    private static Map<String, Double> counted(HostJvm host) throws Exception {
        return CountedCloses.series(Scrape.of(host.metricsPort()));
    }

    /** A server series of websocket_closes_total, or with a cause of websocket_close_causes_total. */
    private static String series(String api, String endpoint, int code, String category, String initiator,
                                 String cause) {
        Map<String, String> labels = new TreeMap<>(Map.of("api", api, "side", "server", "endpoint", endpoint,
                "code", Integer.toString(code)));
        if (cause != null) {
            labels.put("cause", cause);
            return CountedCloses.CAUSES + labels;
        }
        labels.put("category", category);
        labels.put("initiator", initiator);
        return labels.toString();
    }
}
