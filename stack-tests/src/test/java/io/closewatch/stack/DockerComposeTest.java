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
        assertEquals(7, checked, "volumes and builds checked");
        for (String name : new String[] {"demo-healthy", "demo-degraded", "prometheus", "alertmanager", "grafana"}) {
            assertTrue(services.has(name), name + " missing from " + services.fieldNames());
        }
    }
}
