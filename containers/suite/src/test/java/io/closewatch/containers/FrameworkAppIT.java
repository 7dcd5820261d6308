package io.closewatch.containers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WebSocket applications of frameworks, built as their users build them (Spring Boot's starters and repackaged jar,
 * on Jetty and as WebFlux on Reactor Netty; Javalin with the shade plugin; Quarkus websockets-next, on Vert.x 4.5, by
 * Quarkus's own Maven plugin; see {@code containers/apps}) and run with {@code -jar}: every session counted exactly, once, under the route or mapping pattern the framework matched. A JDK client in this
 * test's JVM plays the peer: it closes (1000), asks the server to close (4001), and drops the connection (1006).
 */
class FrameworkAppIT {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "boot35jetty; jetty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1",
            "boot40jetty; jetty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1",
            "boot35webflux; reactor-netty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1",
            "boot40webflux; reactor-netty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1",
            "javalin7; jetty; /chat/; /chat/{room}; ",
            "quarkus; vertx; /chat/; /chat/{room}; "})
    void everyCloseIsCountedOnceUnderTheFrameworksRoute(String app, String api, String path, String route,
                                                        String arguments) throws Exception {
        List<String> appArguments = arguments == null ? List.of() : Arrays.asList(arguments.split(" "));
        try (HostJvm host = HostJvm.startApp(app, appArguments, JavaHomes.require(17), "port={port}")) {
            String base = "ws://127.0.0.1:" + host.readyValue("port") + path;
            HttpClient client = HttpClient.newHttpClient();
            JdkClientSessions.session(client, base + "7", webSocket -> webSocket.sendClose(1000, "bye"));
            JdkClientSessions.session(client, base + "8", webSocket -> webSocket.sendText("close:4001", true));
            JdkClientSessions.session(client, base + "9", WebSocket::abort);
            Map<String, Double> expected = Map.of(
                    serverSeries(api, "normal", 1000, route, "remote"), 1.0,
                    serverSeries(api, "application", 4001, route, "local"), 1.0,
                    serverSeries(api, "abnormal", 1006, route, "none"), 1.0);
            assertEquals(expected, Scrape.awaitCloses(host.metricsPort(), expected), host.stderr());
            Thread.sleep(500); // and it stays so
            Scrape scrape = Scrape.of(host.metricsPort());
            assertEquals(expected, scrape.values("websocket_closes_total", "application", "release"));
            assertEquals(0.0, scrape.values("websocket_sessions_active", "application", "release").values().stream()
                    .mapToDouble(d -> d).sum());
            assertTrue(scrape.values("closewatch_stack_info", "application", "release").keySet().stream()
                    .noneMatch(key -> key.contains("counted=false")), scrape.body);
        }
    }

    private static String serverSeries(String api, String category, int code, String route, String initiator) {
        return "{api=" + api + ", category=" + category + ", code=" + code + ", endpoint=" + route + ", initiator="
                + initiator + ", side=server}";
    }
}
