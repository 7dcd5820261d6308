package io.closewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes example ({@code deploy/kubernetes/}), as far as this machine can check it (no cluster, no image
 * build): the PrometheusRule says what {@code prometheus/rules/} says and the dashboard ConfigMap holds the dashboard
 * (both generated, see {@code generate.py}); the Deployment's init container, volume, {@code JAVA_TOOL_OPTIONS} and
 * release label fit together; the PodMonitor selects its pods on the agent's port.
 */
class KubernetesExampleTest {
    private static final String DIR = "deploy/kubernetes/";

    @Test
    void thePrometheusRuleSaysWhatTheRulesFileSays() throws Exception {
        JsonNode rule = Repository.yaml(DIR + "prometheusrule.yaml");
        assertEquals("monitoring.coreos.com/v1", rule.get("apiVersion").asText());
        assertEquals("PrometheusRule", rule.get("kind").asText());
        assertEquals(Repository.yaml("prometheus/rules/closewatch.rules.yml").get("groups"),
                rule.get("spec").get("groups"), "run deploy/kubernetes/generate.py");
    }

    @Test
    void theDashboardConfigMapHoldsTheDashboardForGrafanasSidecar() throws Exception {
        JsonNode configMap = Repository.yaml(DIR + "dashboard-configmap.yaml");
        assertEquals("ConfigMap", configMap.get("kind").asText());
        assertEquals("1", configMap.get("metadata").get("labels").get("grafana_dashboard").asText());
        assertEquals(Repository.json("grafana/dashboards/closewatch.json"),
                Repository.JSON.readTree(configMap.get("data").get("closewatch.json").asText()),
                "run deploy/kubernetes/generate.py");
    }

    @Test
    void theDeploymentAttachesTheAgentTheInitContainerDelivers() throws Exception {
        JsonNode pod = Repository.yaml(DIR + "deployment.yaml").get("spec").get("template");
        JsonNode init = pod.get("spec").get("initContainers").get(0);
        JsonNode app = pod.get("spec").get("containers").get(0);
        String volume = init.get("volumeMounts").get(0).get("name").asText();
        assertEquals(volume, pod.get("spec").get("volumes").get(0).get("name").asText());
        assertTrue(pod.get("spec").get("volumes").get(0).has("emptyDir"));
        String jar = init.get("volumeMounts").get(0).get("mountPath").asText() + "/closewatch-agent.jar";
        assertEquals(jar, init.get("args").get(0).asText(), "the init container copies the jar into the volume");
        JsonNode appMount = app.get("volumeMounts").get(0);
        assertEquals(volume, appMount.get("name").asText());
        assertEquals(jar, appMount.get("mountPath").asText() + "/closewatch-agent.jar");
        Map<String, JsonNode> env = new HashMap<>();
        app.get("env").forEach(variable -> env.put(variable.get("name").asText(), variable));
        assertEquals("-javaagent:" + jar, env.get("JAVA_TOOL_OPTIONS").get("value").asText());
        String releaseLabel = env.get("CLOSEWATCH_RELEASE").get("valueFrom").get("fieldRef").get("fieldPath").asText()
                .replaceAll("metadata\\.labels\\['(.*)'\\]", "$1");
        assertNotNull(pod.get("metadata").get("labels").get(releaseLabel), releaseLabel);
        assertEquals(9469, port(app, "closewatch"), "the agent's default port");
        assertTrue(Files.readString(Repository.file(DIR + "agent-image/Dockerfile"))
                .contains("COPY closewatch-agent.jar "), "the image holds the jar");
    }

    @Test
    void thePodMonitorScrapesThoseOnTheAgentsPort() throws Exception {
        JsonNode monitor = Repository.yaml(DIR + "podmonitor.yaml");
        assertEquals("PodMonitor", monitor.get("kind").asText());
        JsonNode pod = Repository.yaml(DIR + "deployment.yaml").get("spec").get("template");
        JsonNode labels = pod.get("metadata").get("labels");
        for (Iterator<Map.Entry<String, JsonNode>> it = monitor.get("spec").get("selector").get("matchLabels").fields();
             it.hasNext(); ) {
            Map.Entry<String, JsonNode> wanted = it.next();
            assertEquals(wanted.getValue(), labels.get(wanted.getKey()), wanted.getKey());
        }
        JsonNode endpoint = monitor.get("spec").get("podMetricsEndpoints").get(0);
        assertEquals("/metrics", endpoint.get("path").asText());
        assertEquals(9469, port(pod.get("spec").get("containers").get(0), endpoint.get("port").asText()));
    }

    private static int port(JsonNode container, String name) {
        for (JsonNode port : container.get("ports")) {
            if (port.get("name").asText().equals(name)) {
                return port.get("containerPort").asInt();
            }
        }
        throw new AssertionError("no port " + name);
    }
}
