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
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WebSocket applications of frameworks, built as their users build them (Spring Boot's starters and repackaged jar,
 * on Tomcat, Undertow and Jetty and as WebFlux on Reactor Netty; Javalin with the shade plugin; Quarkus
 * websockets-next, on Vert.x 4.5, by Quarkus's own Maven plugin; Micronaut by its parent and Maven plugin; Helidon SE
 * by its parent, on Java 25; see {@code containers/apps}) and run with {@code -jar}: every session counted exactly,
 * once, under the route or mapping pattern the framework matched. A JDK client in this test's JVM plays the peer: it
 * closes (1000), asks the server to close (4001), and drops the connection (1006).
 */
class FrameworkAppIT {
    @ParameterizedTest(name = "{0} on Java {5}")
    @CsvSource(delimiter = ';', value = {
            "javalin7; jetty; /chat/; /chat/{room};; 17",
            "quarkus; vertx; /chat/; /chat/{room};; 17",
            "micronaut; netty; /chat/; /chat/{room}; ; 17",
            "micronaut; netty; /chat/; /chat/{room}; ; 25",
            "helidon; helidon; /chat/; /chat/{room}; ; 25"})
    void everyCloseIsCountedOnceUnderTheFrameworksRoute(String app, String api, String path, String route,
                                                        String arguments, int java) throws Exception {
        everyCloseIsCountedOnce(app, api, path, route, arguments, java);
    }

    /** The JDK client's three endings against {@code app}, each counted once under {@code route}, and nothing else. */
    static void everyCloseIsCountedOnce(String app, String api, String path, String route, String arguments,
                                        int java) throws Exception {
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

    /**
     * The application's own client, to its own server: counted once, under its target's origin, and its server's
     * session too. Micronaut's {@code @ClientWebSocket} runs on Netty's client; Helidon's {@code WsClient} is its own.
     */
    @ParameterizedTest(name = "{0} on Java {2}")
    @CsvSource({"micronaut, netty, 17", "helidon, helidon, 25"})
    void theApplicationsOwnClientIsCountedOnceUnderItsTarget(String app, String api, int java) throws Exception {
        try (HostJvm host = HostJvm.startApp(app, List.of(), JavaHomes.require(java), "port={port}")) {
            host.play("client-close /chat/9");
            Map<String, Double> expected = Map.of(
                    "{api=" + api + ", category=normal, code=1000, endpoint=ws://127.0.0.1:" + host.readyValue("port")
                            + ", initiator=local, side=client}", 1.0,
                    serverSeries(api, "normal", 1000, "/chat/{room}", "remote"), 1.0);
            assertStays(host, expected);
        }
    }

    /**
     * Peers that reset the connection (RST) after the upgrade, before any close frame: 1006 initiated by no one,
     * though Quarkus websockets-next then closes the session with 1011 from its error handler (read as this side's
     * close before: 1006 local), and Helidon tells its application nothing at all: the cause is the connection's
     * exception on Quarkus (Vert.x 4.5 reports it), Javalin (Jetty's) and Micronaut (Netty's), none on Helidon.
     */
    @ParameterizedTest(name = "{0} on Java {2}")
    @CsvSource({"quarkus, vertx, 17, java.net.SocketException", "helidon, helidon, 25, none",
            "javalin7, jetty, 17, java.nio.channels.ClosedChannelException",
            "micronaut, netty, 17, java.net.SocketException"})
    void aResetConnectionIsNobodysClose(String app, String api, int java, String cause) throws Exception {
        try (HostJvm host = HostJvm.startApp(app, List.of(), JavaHomes.require(java), "port={port}")) {
            int port = host.readyValue("port");
            for (int i = 0; i < 2; i++) {
                resetAfterUpgrade(port, "/chat/reset" + i);
            }
            assertStays(host, Map.of(serverSeries(api, "abnormal", 1006, "/chat/{room}", "none"), 2.0));
            assertEquals(Map.of(causeSeries(api, cause, 1006, "/chat/{room}"), 2.0),
                    Scrape.of(host.metricsPort()).values("websocket_close_causes_total", "application", "release"));
        }
    }

    /**
     * A handler that throws: the framework catches it and closes with 1011 itself, and the exception is the cause; a
     * clean close has none. Where given, an endpoint at {@code carefulRoute} whose own error callback closes with 1011
     * throws too: the exception it was told is the cause.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"javalin7, jetty,", "micronaut, netty,", "quarkus, vertx, /careful/{room}"})
    void aHandlersExceptionIsTheCauseOfItsClose(String app, String api, String carefulRoute) throws Exception {
        try (HostJvm host = HostJvm.startApp(app, List.of(), JavaHomes.require(17), "port={port}")) {
            String base = "ws://127.0.0.1:" + host.readyValue("port");
            HttpClient client = HttpClient.newHttpClient();
            JdkClientSessions.session(client, base + "/chat/1", webSocket -> webSocket.sendText("throw", true));
            JdkClientSessions.session(client, base + "/chat/2", webSocket -> webSocket.sendClose(1000, "bye"));
            String failure = "java.lang.IllegalStateException";
            Map<String, Double> expected = new TreeMap<>(Map.of(
                    serverSeries(api, "server_error", 1011, "/chat/{room}", "local"), 1.0,
                    serverSeries(api, "normal", 1000, "/chat/{room}", "remote"), 1.0));
            Map<String, Double> expectedCauses = new TreeMap<>(Map.of(
                    causeSeries(api, failure, 1011, "/chat/{room}"), 1.0,
                    causeSeries(api, "none", 1000, "/chat/{room}"), 1.0));
            if (carefulRoute != null) {
                JdkClientSessions.session(client, base + carefulRoute.replace("{room}", "3"),
                        webSocket -> webSocket.sendText("throw", true));
                expected.put(serverSeries(api, "server_error", 1011, carefulRoute, "local"), 1.0);
                expectedCauses.put(causeSeries(api, failure, 1011, carefulRoute), 1.0);
            }
            assertStays(host, expected);
            assertEquals(expectedCauses,
                    Scrape.of(host.metricsPort()).values("websocket_close_causes_total", "application", "release"));
        }
    }

    /**
     * Micronaut's own idle timeout ({@code micronaut.server.idle-timeout}, Netty's idle timer under it) ends a silent
     * session with 1001: its cause is {@code idle_timeout}.
     */
    @Test
    void theFrameworksIdleTimeoutIsTheCauseOfItsClose() throws Exception {
        try (HostJvm host = HostJvm.startApp("micronaut", List.of("-micronaut.server.idle-timeout=1s"),
                JavaHomes.require(17), "port={port}")) {
            JdkClientSessions.session(HttpClient.newHttpClient(),
                    "ws://127.0.0.1:" + host.readyValue("port") + "/chat/1", webSocket -> { });
            assertStays(host, Map.of(serverSeries("netty", "going_away", 1001, "/chat/{room}", "local"), 1.0));
            assertEquals(Map.of(causeSeries("netty", "idle_timeout", 1001, "/chat/{room}"), 1.0),
                    Scrape.of(host.metricsPort()).values("websocket_close_causes_total", "application", "release"));
        }
    }

    private static String causeSeries(String api, String cause, int code, String route) {
        return "{api=" + api + ", cause=" + cause + ", code=" + code + ", endpoint=" + route + ", side=server}";
    }

    /** The closes counted become {@code expected}, and stay so. */
    private static void assertStays(HostJvm host, Map<String, Double> expected) throws Exception {
        assertEquals(expected, Scrape.awaitCloses(host.metricsPort(), expected), host.stderr());
        Thread.sleep(500); // and it stays so
        assertEquals(expected, Scrape.of(host.metricsPort()).values("websocket_closes_total", "application",
                "release"));
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
