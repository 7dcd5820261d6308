package io.closewatch.containers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code export=host}: Spring Boot 3.5 and 4.0 applications with Actuator and {@code micrometer-registry-prometheus}
 * (Micrometer 1.15 and 1.16), built as fat jars, run with the agent. The agent opens no port, and the application's own {@code /actuator/prometheus}
 * shows every close exactly, with the {@code application} and {@code release} labels, next to the application's own
 * meters, which are as they are without the agent.
 */
class HostExportIT {
    private static final List<String> ARGUMENTS = List.of("--server.port=0", "--server.address=127.0.0.1",
            "--management.endpoints.web.exposure.include=prometheus");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"boot35actuator", "boot40actuator"})
    void theClosesAppearExactlyInTheApplicationsOwnPrometheusEndpoint(String application) throws Exception {
        try (HostJvm app = HostJvm.startApp(application, ARGUMENTS, JavaHomes.require(17),
                "export=host,port={port},application=chat,release=7.1")) {
            int port = app.readyValue("port");
            URI actuator = URI.create("http://127.0.0.1:" + port + "/actuator/prometheus");
            assertEquals(Set.of(port), app.listeningPorts(), "no agent port listens: the application's own only");
            assertTrue(app.stderr().contains("no port is opened"), app.stderr());
            Map<String, Double> before = Scrape.of(actuator, null).values("websocket_closes_total");

            String base = "ws://127.0.0.1:" + port + "/ws/";
            HttpClient client = HttpClient.newHttpClient();
            JdkClientSessions.session(client, base + "1", webSocket -> webSocket.sendClose(1000, "bye"));
            JdkClientSessions.session(client, base + "2", webSocket -> webSocket.sendText("close:4002", true));
            JdkClientSessions.session(client, base + "3", webSocket -> webSocket.sendText("throw", true));
            JdkClientSessions.session(client, base + "4", WebSocket::abort);

            Map<String, Double> expected = new TreeMap<>(before);
            for (String series : List.of(series("normal", 1000, "remote"), series("application", 4002, "local"),
                    series("server_error", 1011, "local"), series("abnormal", 1006, "none"))) {
                expected.merge(series, 1.0, Double::sum);
            }
            Scrape.awaitCloses(actuator, withoutApplicationAndRelease(expected));
            Thread.sleep(500); // a late double count would show now
            Scrape scrape = Scrape.of(actuator, null);
            assertEquals(expected, scrape.values("websocket_closes_total"), scrape.body);
            assertEquals(Map.of(labels("chat", "7.1") + "", 4.0), durations(scrape), "every duration was recorded");
            assertEquals(0.0, scrape.values("websocket_sessions_active", "api", "endpoint", "side").values().stream()
                    .mapToDouble(d -> d).sum(), scrape.body);
            assertEquals(Set.of(), withClosewatchLabels(scrape), "the application's own meters keep their labels");
        }
    }

    /** Attached to a running application, whose Micrometer is initialized already: its static initializer is past. */
    @Test
    void attachedLaterTheAgentJoinsTheMicrometerTheApplicationHas() throws Exception {
        try (HostJvm app = HostJvm.startApp("boot35actuator", ARGUMENTS, JavaHomes.require(17), null)) {
            app.attachAgent("export=host,application=chat,release=7.1");
            awaitStarted(app); // the agent starts on a thread of its own: sessions before are not seen
            int port = app.readyValue("port");
            JdkClientSessions.session(HttpClient.newHttpClient(), "ws://127.0.0.1:" + port + "/ws/5",
                    webSocket -> webSocket.sendText("close:4002", true));
            Map<String, Double> expected = Map.of(series("application", 4002, "local"), 1.0);
            URI actuator = URI.create("http://127.0.0.1:" + port + "/actuator/prometheus");
            Scrape.awaitCloses(actuator, withoutApplicationAndRelease(expected));
            Thread.sleep(500);
            assertEquals(expected, Scrape.of(actuator, null).values("websocket_closes_total"), app.stderr());
        }
    }

    @Test
    void theApplicationsOwnMetersAreTheSameWithoutTheAgent() throws Exception {
        Set<String> with = ownMeters("export=host,port={port}");
        Set<String> without = ownMeters(null);
        assertEquals(without, with);
    }

    /** The names and label names of the application's own meters, once it has served one WebSocket session. */
    private static Set<String> ownMeters(String agentArgs) throws Exception {
        try (HostJvm app = HostJvm.startApp("boot35actuator", ARGUMENTS, JavaHomes.require(17), agentArgs)) {
            int port = app.readyValue("port");
            JdkClientSessions.session(HttpClient.newHttpClient(), "ws://127.0.0.1:" + port + "/ws/1",
                    webSocket -> webSocket.sendClose(1000, "bye"));
            Scrape scrape = Scrape.of(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"), null);
            Set<String> meters = new TreeSet<>();
            for (Scrape.Sample sample : scrape.samples) {
                // Garbage collections and JIT compilations come and go between runs, with or without the agent.
                if (!isClosewatch(sample.name()) && !sample.name().startsWith("jvm_gc_")) {
                    meters.add(sample.name() + sample.labels().keySet());
                }
            }
            return meters;
        }
    }

    private static void awaitStarted(HostJvm app) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!app.stderr().contains("no port is opened")) {
            assertTrue(System.nanoTime() < deadline, "the agent did not start:\n" + app.stderr());
            Thread.sleep(100);
        }
    }

    private static Set<String> withClosewatchLabels(Scrape scrape) {
        Set<String> names = new TreeSet<>();
        for (Scrape.Sample sample : scrape.samples) {
            if (!isClosewatch(sample.name()) && (sample.labels().containsKey("release")
                    || sample.labels().containsKey("application"))) {
                names.add(sample.name());
            }
        }
        return names;
    }

    private static boolean isClosewatch(String name) {
        return name.startsWith("websocket_") || name.startsWith("closewatch_");
    }

    private static Map<String, Double> durations(Scrape scrape) {
        return scrape.values("websocket_session_duration_seconds_count", "api", "side", "endpoint", "category");
    }

    private static String series(String category, int code, String initiator) {
        return "{api=jakarta, application=chat, category=" + category + ", code=" + code + ", endpoint=/ws/{id}, "
                + "initiator=" + initiator + ", release=7.1, side=server}";
    }

    private static Map<String, String> labels(String application, String release) {
        return new TreeMap<>(Map.of("application", application, "release", release));
    }

    private static Map<String, Double> withoutApplicationAndRelease(Map<String, Double> series) {
        Map<String, Double> result = new TreeMap<>();
        series.forEach((key, value) -> result.put(key.replace("application=chat, ", "").replace("release=7.1, ", ""),
                value));
        return result;
    }
}
