package io.closewatch.containers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closewatch beside the OpenTelemetry Java agent (from Maven Central), in both orders on the command line, on a
 * Tomcat host: both instrument the same container classes (OpenTelemetry retransforms nothing of ours, but its
 * Byte Buddy weaves Tomcat and the JDK's HTTP client too), yet every close is still counted exactly once, and
 * OpenTelemetry starts and serves its own metrics as it does alone.
 */
class OtherAgentsIT {
    private static final String SERVER = "/annotated/{room}";

    @ParameterizedTest(name = "Closewatch first: {0}")
    @ValueSource(booleans = {true, false})
    void withTheOpenTelemetryAgentEveryCloseIsCountedOnceAndOpenTelemetryWorks(boolean closewatchFirst)
            throws Exception {
        int openTelemetryPort = HostJvm.freePort(); // OpenTelemetry's own exporter: it logs no port it bound
        String closewatch = HostJvm.agentOption("port={port}");
        String openTelemetry = "-javaagent:" + System.getProperty("closewatch.it.openTelemetryAgentJar");
        List<String> options = new ArrayList<>(closewatchFirst ? List.of(closewatch, openTelemetry)
                : List.of(openTelemetry, closewatch));
        options.addAll(List.of("-Dotel.metrics.exporter=prometheus", "-Dotel.exporter.prometheus.host=127.0.0.1",
                "-Dotel.exporter.prometheus.port=" + openTelemetryPort, "-Dotel.traces.exporter=none",
                "-Dotel.logs.exporter=none", "-Dotel.service.name=closewatch-it", "-Dotel.metric.export.interval=500"));
        try (HostJvm host = HostJvm.start("tomcat11", JavaHomes.require(17), null, options, Map.of())) {
            String client = "ws://127.0.0.1:" + host.readyValue("server");
            host.play("jdk-client-close 1000 /annotated/r1");
            host.play("container-server-close 4001 /annotated/r2");
            host.play("jdk-abort /annotated/r3");
            host.play("okhttp-server-close 1011 /annotated/r4");
            Map<String, Double> expected = Map.of(
                    WeaverSafetyIT.series("jakarta", "server", SERVER, 1000, "normal", "remote"), 1.0,
                    WeaverSafetyIT.series("jdk", "client", client, 1000, "normal", "local"), 1.0,
                    WeaverSafetyIT.series("jakarta", "server", SERVER, 4001, "application", "local"), 1.0,
                    WeaverSafetyIT.series("jakarta", "client", client, 4001, "application", "remote"), 1.0,
                    WeaverSafetyIT.series("jakarta", "server", SERVER, 1006, "abnormal", "none"), 1.0,
                    WeaverSafetyIT.series("jdk", "client", client, 1006, "abnormal", "local"), 1.0,
                    WeaverSafetyIT.series("jakarta", "server", SERVER, 1011, "server_error", "local"), 1.0,
                    WeaverSafetyIT.series("okhttp", "client", client, 1011, "server_error", "remote"), 1.0);
            assertEquals(expected, Scrape.awaitCloses(host.metricsPort(), expected));
            assertEquals(Map.of(), Scrape.of(host.metricsPort()).values("closewatch_agent_errors_total", "application",
                    "release"));
            String stderr = host.stderr();
            assertTrue(stderr.contains("opentelemetry-javaagent - version: 2.33.1"), stderr);
            String openTelemetryMetrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + openTelemetryPort + "/metrics")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(openTelemetryMetrics.contains("service_name=\"closewatch-it\""), openTelemetryMetrics);
            assertTrue(openTelemetryMetrics.contains("jvm_"), openTelemetryMetrics);
        }
    }
}
