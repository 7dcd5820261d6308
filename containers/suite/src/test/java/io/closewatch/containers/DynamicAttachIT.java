package io.closewatch.containers;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The agent attached to a running JVM ({@code java -jar closewatch-agent.jar <pid>}, through the Attach API and
 * {@code Agent-Class}): classes loaded before it are
 * instrumented, and sessions open at attach time are still counted once when they end.
 */
class DynamicAttachIT {
    @Test
    void attachingInstrumentsLoadedClassesAndCountsSessionsOpenAtAttachOnce() throws Exception {
        try (HostJvm host = HostJvm.start("tomcat11", JavaHomes.require(17), null, List.of(), Map.of())) {
            host.play("jdk-client-close 1000 /annotated/before"); // loads the endpoint and client classes, uncounted
            host.play("hold 3 /annotated/held");

            host.attachAgent("port=0,release=attached");
            awaitEndpoint(host); // the port the attached agent's start-up line names

            host.play("release 1000");
            host.play("jdk-server-close 4001 /annotated/after");
            Map<String, Double> expected = new TreeMap<>();
            // Opened before the attach: the endpoint is unknown, and a jakarta session's side too; counted once.
            expected.put(series("jdk", "client", "unknown", "1000", "normal", "local"), 3.0);
            expected.put(series("jakarta", "unknown", "unknown", "1000", "normal", "remote"), 3.0);
            // Opened after it, through classes loaded before it: counted in full.
            expected.put(series("jakarta", "server", "/annotated/{room}", "4001", "application", "local"), 1.0);
            expected.put(series("jdk", "client", "ws://127.0.0.1:" + host.readyValue("server"), "4001",
                    "application", "remote"), 1.0);
            Map<String, Double> closes = Map.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!expected.equals(closes) && System.nanoTime() < deadline) {
                Thread.sleep(100);
                closes = Scrape.of(host.metricsPort()).values("websocket_closes_total", "application", "release");
            }
            assertEquals(expected, closes);
            Thread.sleep(300);
            assertEquals(expected, Scrape.of(host.metricsPort()).values("websocket_closes_total", "application",
                    "release"), "counted again later");
            for (double active : Scrape.of(host.metricsPort()).values("websocket_sessions_active").values()) {
                assertEquals(0.0, active, "the gauge counts only sessions whose opening the agent saw");
            }
        }
    }

    private static void awaitEndpoint(HostJvm host) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                Scrape.of(host.metricsPort());
                return;
            } catch (ConnectException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no metrics endpoint after attaching:\n" + host.stderr());
                }
                Thread.sleep(100);
            }
        }
    }

    private static String series(String api, String side, String endpoint, String code, String category,
                                 String initiator) {
        return new TreeMap<>(Map.of("api", api, "side", side, "endpoint", endpoint, "code", code,
                "category", category, "initiator", initiator)).toString();
    }
}
