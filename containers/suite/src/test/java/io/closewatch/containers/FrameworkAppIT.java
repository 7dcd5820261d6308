package io.closewatch.containers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
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
    @ParameterizedTest(name = "{0} on Java {5}")
    @CsvSource(delimiter = ';', value = {
            "boot27; javax; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot27undertow; javax; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot27jetty; jetty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot35jetty; jetty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot40jetty; jetty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot35webflux; reactor-netty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "boot40webflux; reactor-netty; /ws/; /ws/{id}; --server.port=0 --server.address=127.0.0.1; 17",
            "javalin7; jetty; /chat/; /chat/{room};; 17",
            "quarkus; vertx; /chat/; /chat/{room};; 17",
            "micronaut; netty; /chat/; /chat/{room}; ; 17",
            "micronaut; netty; /chat/; /chat/{room}; ; 25",
            "helidon; helidon; /chat/; /chat/{room}; ; 25"})
    void everyCloseIsCountedOnceUnderTheFrameworksRoute(String app, String api, String path, String route,
                                                        String arguments, int java) throws Exception {
        List<String> appArguments = arguments == null ? List.of() : Arrays.asList(arguments.split(" "));
        try (HostJvm host = HostJvm.startApp(app, appArguments, JavaHomes.require(java), "port={port}")) {
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
            CountedCloses.noUncountedHandshakes(scrape);
        }
    }

    /** Micronaut's {@code @ClientWebSocket} runs on Netty's client: counted once, under its target's origin. */
    @Test
    void aMicronautClientIsCountedOnceUnderItsTarget() throws Exception {
        try (HostJvm host = HostJvm.startApp("micronaut", List.of(), JavaHomes.require(17), "port={port}")) {
            host.play("client-close /chat/9");
            Map<String, Double> expected = Map.of(
                    "{api=netty, category=normal, code=1000, endpoint=ws://127.0.0.1:" + host.readyValue("port")
                            + ", initiator=local, side=client}", 1.0,
                    serverSeries("netty", "normal", 1000, "/chat/{room}", "remote"), 1.0);
            assertEquals(expected, Scrape.awaitCloses(host.metricsPort(), expected), host.stderr());
            Thread.sleep(500); // and it stays so
            assertEquals(expected, Scrape.of(host.metricsPort()).values("websocket_closes_total", "application",
                    "release"));
        }
    }

    /** Helidon's {@code WsClient}: counted once, under its target's origin, its server's session too. */
    @Test
    void aHelidonClientIsCountedOnceUnderItsTarget() throws Exception {
        try (HostJvm host = HostJvm.startApp("helidon", List.of(), JavaHomes.require(25), "port={port}")) {
            host.play("client-close /chat/9");
            Map<String, Double> expected = Map.of(
                    "{api=helidon, category=normal, code=1000, endpoint=ws://127.0.0.1:" + host.readyValue("port")
                            + ", initiator=local, side=client}", 1.0,
                    serverSeries("helidon", "normal", 1000, "/chat/{room}", "remote"), 1.0);
            assertEquals(expected, Scrape.awaitCloses(host.metricsPort(), expected), host.stderr());
            Thread.sleep(500); // and it stays so
            assertEquals(expected, Scrape.of(host.metricsPort()).values("websocket_closes_total", "application",
                    "release"));
        }
    }

    /**
     * Helidon tells its application nothing of a connection that a peer reset (RST) or closed (FIN) without a close
     * frame: the session's end is still counted, 1006 initiated by no one.
     */
    @Test
    void aDroppedConnectionOnHelidonIsCountedThoughHelidonSaysNothing() throws Exception {
        try (HostJvm host = HostJvm.startApp("helidon", List.of(), JavaHomes.require(25), "port={port}")) {
            int port = host.readyValue("port");
            resetAfterUpgrade(port, "/chat/reset");
            Map<String, Double> expected = Map.of(serverSeries("helidon", "abnormal", 1006, "/chat/{room}", "none"),
                    1.0);
            assertEquals(expected, Scrape.awaitCloses(host.metricsPort(), expected), host.stderr());
            Thread.sleep(500); // and it stays so
            assertEquals(expected, Scrape.of(host.metricsPort()).values("websocket_closes_total", "application",
                    "release"));
        }
    }

    /**
     * A peer that resets the connection (RST) after the upgrade, before any close frame: 1006 initiated by no one,
     * though Quarkus websockets-next then closes the session with 1011 from its error handler (read as this side's
     * close before: 1006 local).
     */
    @Test
    void aResetConnectionOnQuarkusIsNobodysClose() throws Exception {
        try (HostJvm host = HostJvm.startApp("quarkus", List.of(), JavaHomes.require(17), "port={port}")) {
            int port = host.readyValue("port");
            for (int i = 0; i < 2; i++) {
                resetAfterUpgrade(port, "/chat/reset" + i);
            }
            Map<String, Double> expected = Map.of(serverSeries("vertx", "abnormal", 1006, "/chat/{room}", "none"), 2.0);
            assertEquals(expected, Scrape.awaitCloses(host.metricsPort(), expected), host.stderr());
            Thread.sleep(500); // and it stays so
            assertEquals(expected, Scrape.of(host.metricsPort()).values("websocket_closes_total", "application",
                    "release"));
        }
    }

    /** Upgrades {@code path} over a plain socket, then closes it with a reset (SO_LINGER 0). */
    private static void resetAfterUpgrade(int port, String path) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            String key = Base64.getEncoder().encodeToString("closewatch-reset!".substring(0, 16)
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            BufferedReader response = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertTrue(response.readLine().startsWith("HTTP/1.1 101"), "upgraded");
            for (String line = response.readLine(); line != null && !line.isEmpty(); line = response.readLine()) {
                // the rest of the response's head
            }
            socket.setSoLinger(true, 0);
        }
    }

    private static String serverSeries(String api, String category, int code, String route, String initiator) {
        return "{api=" + api + ", category=" + category + ", code=" + code + ", endpoint=" + route + ", initiator="
                + initiator + ", side=server}";
    }
}
