package io.closewatch.containers;

import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code export=prometheus+otlp} on Tomcat: every second the agent pushes cumulative sums to a real OTLP/HTTP receiver
 * ({@link OtlpReceiver}), equal to the closes made and to the agent's own endpoint, every label an attribute. The
 * receiver gone, answering 503, or holding a push unanswered costs the host nothing, and no count is lost once the
 * receiver takes pushes again; each kind of failure is logged once and counted.
 */
class OtlpExportIT {
    private static final String CLOSES = "websocket.closes";
    /** What produced the data: Micrometer's OTLP registry (not its relocated package name), in Closewatch. */
    private static final String TELEMETRY = "telemetry\\.distro\\.name=closewatch, "
            + "telemetry\\.distro\\.version=[^,]+, telemetry\\.sdk\\.language=java, "
            + "telemetry\\.sdk\\.name=io\\.micrometer, telemetry\\.sdk\\.version=1\\.[0-9.]+\\}";

    @Test
    void pushedSumsAreTheClosesMadeAndSurviveTheReceiverBeingAway() throws Exception {
        try (OtlpReceiver receiver = new OtlpReceiver();
             HostJvm host = HostJvm.start("tomcat11", JavaHomes.require(17), "export=prometheus+otlp,port={port},"
                     + "application=chat,release=2.0,otlp.step=1,otlp.url=" + receiver.url(), List.of(), Map.of())) {
            String client = "ws://127.0.0.1:" + host.readyValue("server");
            Map<String, Double> expected = new TreeMap<>();
            host.play("jdk-client-close 1000 /annotated/r1");
            expected.put(series("jdk", "client", client, 1000, "normal", "local"), 1.0);
            expected.put(series("jakarta", "server", "/annotated/{room}", 1000, "normal", "remote"), 1.0);
            assertEquals(expected, receiver.awaitSums(CLOSES, expected));
            String resource = OtlpReceiver.attributes(receiver.last().getResourceMetrics(0).getResource()
                    .getAttributesList());
            assertTrue(resource.matches("\\{service\\.instance\\.id=[0-9a-f-]{36}, service\\.name=chat, "
                    + "service\\.version=2\\.0, " + TELEMETRY), resource);

            receiver.stop();
            host.play("jdk-server-close 4001 /annotated/r2");
            host.play("jdk-abort /annotated/r3");
            expected.put(series("jakarta", "server", "/annotated/{room}", 4001, "application", "local"), 1.0);
            expected.put(series("jdk", "client", client, 4001, "application", "remote"), 1.0);
            expected.put(series("jakarta", "server", "/annotated/{room}", 1006, "abnormal", "none"), 1.0);
            expected.put(series("jdk", "client", client, 1006, "abnormal", "local"), 1.0);
            awaitError(host, "otlp_unreachable");
            receiver.answer(OtlpReceiver.Mode.REJECT);
            receiver.start();
            awaitError(host, "otlp_rejected");

            receiver.answer(OtlpReceiver.Mode.HOLD);
            awaitHeld(receiver);
            // The push thread waits on the receiver; the host does not.
            host.play("jdk-client-close 1000 /annotated/r4");
            expected.merge(series("jdk", "client", client, 1000, "normal", "local"), 1.0, Double::sum);
            expected.merge(series("jakarta", "server", "/annotated/{room}", 1000, "normal", "remote"), 1.0,
                    Double::sum);
            // The server counts its side as it ends, just after the client was told.
            assertEquals(expected, Scrape.awaitValues(host.metricsPort(), "websocket_closes_total", expected));
            assertEquals(1, receiver.heldPushes(), "the push is still held");

            receiver.answer(OtlpReceiver.Mode.ACCEPT);
            assertEquals(expected, receiver.awaitSums(CLOSES, expected), "no count lost while the receiver was away");
            Scrape scrape = Scrape.of(host.metricsPort());
            assertEquals(scrape.values("websocket_closes_total"), receiver.awaitSums(CLOSES, expected));
            assertEquals(sessionCount(scrape), receiver.points("websocket.session.duration", metric -> metric
                    .getHistogram().getDataPointsList().stream().mapToDouble(HistogramDataPoint::getCount).sum()));
            String stderr = host.stderr();
            // Refused, or cut off by the receiver while it stopped: either is the one "unreachable" line.
            assertEquals(1, occurrences(stderr, "cannot push OTLP metrics to " + receiver.url() + " (java.net."),
                    stderr);
            assertEquals(1, occurrences(stderr, "cannot push OTLP metrics to " + receiver.url() + " (HTTP 503)"),
                    stderr);
            assertTrue(stderr.contains("metrics also go by OTLP to " + receiver.url() + " every 1 s"), stderr);
        }
    }

    /**
     * Replicas of one service, each a JVM with only {@code export=otlp} and the variables an OpenTelemetry-managed pod
     * carries: each its own resource, with its own {@code service.instance.id} and the attributes it was given, so
     * that a Collector keeps their cumulative sums apart.
     */
    @Test
    void replicasWithOpenTelemetrysEnvironmentAreAResourceEach() throws Exception {
        try (OtlpReceiver receiver = new OtlpReceiver()) {
            List<HostJvm> replicas = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    replicas.add(HostJvm.start("tomcat11", JavaHomes.require(17), "export=otlp,otlp.step=1",
                            List.of(), Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.url().replace("/v1/metrics", ""),
                                    "OTEL_SERVICE_NAME", "chat",
                                    "OTEL_RESOURCE_ATTRIBUTES",
                                    "k8s.pod.name=chat-" + i + ",k8s.namespace.name=prod")));
                }
                for (HostJvm replica : replicas) {
                    replica.readyValue("server");
                }
                Set<String> resources = receiver.awaitResources(3);
                assertEquals(3, resources.size(), resources.toString());
                Set<String> instances = new TreeSet<>();
                for (int i = 0; i < 3; i++) {
                    String pod = "k8s.pod.name=chat-" + i;
                    String resource = resources.stream().filter(r -> r.contains(pod + ",")).findFirst().orElseThrow(
                            () -> new AssertionError(pod + " in " + resources));
                    assertTrue(resource.matches("\\{k8s\\.namespace\\.name=prod, " + pod + ", service\\.instance\\.id="
                            + "[0-9a-f-]{36}, service\\.name=chat, service\\.version=[^,]+, " + TELEMETRY), resource);
                    instances.add(resource.replaceAll(".*service\\.instance\\.id=([0-9a-f-]{36}).*", "$1"));
                }
                assertEquals(3, instances.size(), instances.toString());
            } finally {
                for (HostJvm replica : replicas) {
                    replica.close();
                }
            }
        }
    }

    private static double sessionCount(Scrape scrape) {
        return scrape.values("websocket_session_duration_seconds_count").values().stream().mapToDouble(d -> d).sum();
    }

    private static void awaitError(HostJvm host, String reason) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        String series = "{application=chat, reason=" + reason + ", release=2.0}";
        while (!Scrape.of(host.metricsPort()).values("closewatch_agent_errors_total").containsKey(series)) {
            assertTrue(System.nanoTime() < deadline, "no " + reason + " counted\n" + host.stderr());
            Thread.sleep(100);
        }
    }

    private static void awaitHeld(OtlpReceiver receiver) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (receiver.heldPushes() == 0) {
            assertTrue(System.nanoTime() < deadline, "no push came to be held");
            Thread.sleep(50);
        }
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static String series(String api, String side, String endpoint, int code, String category,
                                 String initiator) {
        return "{api=" + api + ", application=chat, category=" + category + ", code=" + code + ", endpoint=" + endpoint
                + ", initiator=" + initiator + ", release=2.0, side=" + side + "}";
    }
}
