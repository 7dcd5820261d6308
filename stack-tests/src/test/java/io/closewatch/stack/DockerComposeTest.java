package io.closewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docker-compose.yml: valid for docker-compose, and everything it mounts or builds from exists. No daemon needed. */
class DockerComposeTest {
    private static Processes.Result config(String adminPassword) throws Exception {
        Path compose = Repository.tool("docker-compose", "docker-compose");
        return Processes.run(List.of(compose.toString(), "-f", "docker-compose.yml", "config"), Repository.root(),
                Map.of("GRAFANA_ADMIN_PASSWORD", adminPassword), 120);
    }

    @Test
    void composeFileIsValidAndNeedsAnAdminPassword() throws Exception {
        Processes.Result valid = config("test-only");
        assertEquals(0, valid.exitCode(), valid.output());
        assertNotEquals(0, config("").exitCode(), "Grafana must not start with a default admin password");
    }

    /** Read from docker-compose's own resolved output: anchors merged, relative paths made absolute. */
    @Test
    void everyMountedPathAndBuildContextExists() throws Exception {
        Processes.Result resolved = config("test-only");
        assertEquals(0, resolved.exitCode(), resolved.output());
        JsonNode services = Repository.YAML.readTree(resolved.output()).path("services");
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (JsonNode service : services) {
            for (JsonNode volume : service.path("volumes")) {
                String source = volume.isTextual() ? volume.asText().split(":")[0] : volume.path("source").asText();
                if (source.startsWith("/")) {
                    checked++;
                    if (!Files.exists(Path.of(source))) {
                        missing.add(source);
                    }
                }
            }
            JsonNode build = service.path("build");
            if (!build.isMissingNode()) {
                checked++;
                Path dockerfile = Path.of(build.path("context").asText()).resolve(build.path("dockerfile").asText());
                if (!Files.isRegularFile(dockerfile)) {
                    missing.add(dockerfile.toString());
                }
            }
        }
        assertEquals(List.of(), missing);
        assertEquals(9, checked, "volumes and builds checked");
        for (String name : new String[] {"demo-healthy", "demo-degraded", "demo-otlp", "otel-collector", "prometheus",
            "alertmanager", "grafana"}) {
            assertTrue(services.has(name), name + " missing from " + services.fieldNames());
        }
    }

    /**
     * The OTLP demo pushes to the collector's OTLP/HTTP receiver, whose metrics pipeline ends in the Prometheus
     * exporter that Prometheus scrapes (the collector itself cannot run here).
     */
    @Test
    void theOtlpDemoReachesPrometheusThroughTheCollector() throws Exception {
        Processes.Result resolved = config("test-only");
        assertEquals(0, resolved.exitCode(), resolved.output());
        JsonNode demo = Repository.YAML.readTree(resolved.output()).path("services").path("demo-otlp");
        assertEquals("otlp", demo.path("environment").path("CLOSEWATCH_EXPORT").asText());
        assertEquals("http://otel-collector:4318/v1/metrics",
                demo.path("environment").path("CLOSEWATCH_OTLP_URL").asText());

        JsonNode collector = Repository.yaml("otel-collector/config.yaml");
        assertEquals("0.0.0.0:4318", collector.at("/receivers/otlp/protocols/http/endpoint").asText());
        JsonNode pipeline = collector.at("/service/pipelines/metrics");
        assertEquals("[\"otlp\"]", pipeline.path("receivers").toString());
        assertEquals("[\"prometheus\"]", pipeline.path("exporters").toString());
        assertEquals("0.0.0.0:9464", collector.at("/exporters/prometheus/endpoint").asText());

        JsonNode scrapes = Repository.yaml("prometheus/prometheus.yml").path("scrape_configs");
        List<String> targets = new ArrayList<>();
        scrapes.forEach(job -> job.path("static_configs").forEach(config -> config.path("targets")
                .forEach(target -> targets.add(target.asText()))));
        assertTrue(targets.contains("otel-collector:9464"), targets.toString());
    }
}
