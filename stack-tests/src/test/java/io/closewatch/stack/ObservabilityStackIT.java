package io.closewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The observability stack for real: two demo servers (a healthy and a degraded release of one application) with the
 * shaded agent attached, and a real Prometheus scraping them every second and evaluating the Closewatch rules. Every
 * PromQL expression of the dashboard and of both sets of alert rules must then succeed and return data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityStackIT {
    private static final String HEALTHY = "1.4.2";
    private static final String DEGRADED = "1.5.0";
    private static final long DATA_TIMEOUT_SECONDS = 120;
    private static final Pattern DEMO_PORT = Pattern.compile("chat ws://localhost:(\\d+)/");

    private LocalStack stack;

    @BeforeAll
    void startStack() throws Exception {
        stack = new LocalStack();
        int healthyMetrics = stack.startDemo(HEALTHY, "healthy", "host=127.0.0.1,port=0", true).metricsPort();
        LocalStack.Demo degraded = stack.startDemo(DEGRADED, "degraded", "host=127.0.0.1,port=0", true);
        int degradedMetrics = degraded.metricsPort();
        Path degradedLog = degraded.log();
        stack.startPrometheus(String.join("\n",
                "global: {scrape_interval: 1s, evaluation_interval: 1s}",
                "rule_files: ['" + Repository.file("prometheus/rules/closewatch.rules.yml") + "']",
                "scrape_configs:",
                "  - job_name: closewatch-demo",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + healthyMetrics + "', '127.0.0.1:" + degradedMetrics + "']",
                ""));
        // The switch the README shows: drop connections on the degraded release at once.
        HttpResponse<String> burst = stack.http().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + demoPort(degradedLog) + "/admin/burst-1006?sessions=40")).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, burst.statusCode(), burst.body());
    }

    @AfterAll
    void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyDashboardAndAlertQueryReturnsDataFromARealPrometheus() throws Exception {
        Set<String> expressions = new LinkedHashSet<>();
        List<String> dashboard = Queries.dashboard(Repository.json("grafana/dashboards/closewatch.json"));
        // The dashboard as a viewer first sees it (every variable on All), and narrowed to one release and side.
        expressions.addAll(concrete(dashboard, Map.of("release", ".*", "side", ".*", "api", ".*")));
        expressions.addAll(concrete(dashboard, Map.of("release", DEGRADED, "side", "server", "api", "jakarta")));
        Queries.prometheusRules(Repository.yaml("prometheus/rules/closewatch.rules.yml")).values()
                .forEach(rule -> expressions.add(rule.path("expr").asText()));
        Queries.grafanaRules(Repository.yaml("grafana/provisioning/alerting/closewatch-alerts.yml")).values()
                .forEach(rule -> expressions.add(Queries.grafanaQuery(rule)));
        assertTrue(expressions.size() > 30, "expressions: " + expressions.size());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DATA_TIMEOUT_SECONDS);
        Map<String, String> failing = new LinkedHashMap<>();
        for (String expression : expressions) {
            String problem = problemWith(expression);
            while (problem != null && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
                problem = problemWith(expression);
            }
            if (problem != null) {
                failing.put(expression, problem);
            }
        }
        assertEquals(Map.of(), failing, "queries that failed or returned nothing; Prometheus log in " + stack.workDir);
    }

    @Test
    void theRulesLoadAndTheDegradedReleaseRaisesBothSpikeAlerts() throws Exception {
        JsonNode groups = stack.prometheus("/api/v1/rules").path("data").path("groups");
        int rules = 0;
        for (JsonNode group : groups) {
            for (JsonNode rule : group.path("rules")) {
                rules++;
                assertEquals("ok", rule.path("health").asText(), rule.toString());
            }
        }
        assertEquals(7, rules, groups.toString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DATA_TIMEOUT_SECONDS);
        Set<String> raised = raisedForDegraded();
        while (raised.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            raised = raisedForDegraded();
        }
        assertEquals(Set.of("WebSocketAbnormalClosureSpike", "WebSocketInternalErrorSpike"), raised,
                "alerts pending or firing for release " + DEGRADED);
    }

    /**
     * The degraded release's 1011s come from one exception class (its handler's {@code IllegalStateException} on
     * "/crash"): the dashboard's Why row leads with it, the 1011 alert's description names it, and the release gate
     * names it for the regressed 1011.
     */
    @Test
    void theDegradedReleasesInternalErrorsNameTheirCauseOnTheDashboardInTheAlertAndInTheGate() throws Exception {
        String cause = "java.lang.IllegalStateException";
        String whyRow = null;
        for (JsonNode panel : Queries.panels(Repository.json("grafana/dashboards/closewatch.json"))) {
            if (panel.path("title").asText().equals("Leading causes of 1011 (internal error)")) {
                whyRow = panel.path("targets").get(0).path("expr").asText();
            }
        }
        String leading = concrete(List.of(whyRow), Map.of("release", DEGRADED, "side", "server", "api", "jakarta"))
                .get(0).replace("topk(10,", "topk(1,");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DATA_TIMEOUT_SECONDS);
        JsonNode top = stack.query(leading).path("data").path("result");
        while (!(top.size() == 1 && top.get(0).path("metric").path("cause").asText().equals(cause))
                && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            top = stack.query(leading).path("data").path("result");
        }
        assertEquals(cause, top.path(0).path("metric").path("cause").asText(), top.toString());

        String description = alertDescription("WebSocketInternalErrorSpike");
        while (!description.contains("Leading cause: " + cause) && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            description = alertDescription("WebSocketInternalErrorSpike");
        }
        assertTrue(description.contains("Leading cause: " + cause + " ("), description);

        List<String> gate = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("closewatch.it.agentJar"), "compare", "--prometheus",
                "http://127.0.0.1:" + stack.prometheusPort(), "--application", LocalStack.APPLICATION,
                "--baseline", HEALTHY, "--candidate", DEGRADED, "--window", "2m", "--side", "server");
        Processes.Result verdict = Processes.run(gate, stack.workDir, Map.of(), 60);
        while (!verdict.output().contains("1011 (mostly " + cause + ")") && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            verdict = Processes.run(gate, stack.workDir, Map.of(), 60);
        }
        assertEquals(1, verdict.exitCode(), verdict.output());
        assertTrue(verdict.output().contains("1011 (mostly " + cause + ")"), verdict.output());
    }

    /** The description of the degraded release's alert {@code name}, pending or firing; empty while there is none. */
    private String alertDescription(String name) throws Exception {
        for (JsonNode alert : stack.prometheus("/api/v1/alerts").path("data").path("alerts")) {
            if (DEGRADED.equals(alert.path("labels").path("release").asText())
                    && name.equals(alert.path("labels").path("alertname").asText())) {
                return alert.path("annotations").path("description").asText();
            }
        }
        return "";
    }

    /**
     * The simulated users, burst sessions and cut ones included, all target their demo's own server: one client
     * endpoint label per demo, the same on every run, not one per port of the flaky network.
     */
    @Test
    void eachDemosClientSessionsKeepOneEndpointLabel() throws Exception {
        String cut = "sum by (instance) (websocket_closes_total{side=\"client\",code=\"1006\",initiator=\"none\"})";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DATA_TIMEOUT_SECONDS);
        while (stack.query(cut).path("data").path("result").size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
        }
        JsonNode cutSessions = stack.query(cut).path("data").path("result");
        assertEquals(2, cutSessions.size(), "both demos have cut sessions: " + cutSessions);
        JsonNode labels = stack.query("count by (instance) (count by (instance, endpoint) "
                + "(websocket_closes_total{side=\"client\"}))").path("data").path("result");
        assertEquals(2, labels.size(), labels.toString());
        for (JsonNode demo : labels) {
            assertEquals("1", demo.path("value").get(1).asText(), "client endpoint labels of " + demo);
        }
    }

    private Set<String> raisedForDegraded() throws Exception {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode alert : stack.prometheus("/api/v1/alerts").path("data").path("alerts")) {
            if (DEGRADED.equals(alert.path("labels").path("release").asText())) {
                names.add(alert.path("labels").path("alertname").asText());
            }
        }
        return names;
    }

    private static List<String> concrete(List<String> expressions, Map<String, String> narrowed) {
        Map<String, String> values = new LinkedHashMap<>(Map.of("application", LocalStack.APPLICATION, "endpoint", ".*",
                "release_a", HEALTHY, "release_b", DEGRADED, "__rate_interval", "30s", "__range", "5m"));
        values.putAll(narrowed);
        return expressions.stream().map(expression -> Queries.concrete(expression, values)).toList();
    }

    /** @return null when the query succeeded with data, else what was wrong */
    private String problemWith(String expression) throws Exception {
        JsonNode answer = stack.query(expression);
        if (!"success".equals(answer.path("status").asText())) {
            return answer.path("error").asText(answer.toString());
        }
        return answer.path("data").path("result").isEmpty() ? "no data" : null;
    }

    private static int demoPort(Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher matcher = DEMO_PORT.matcher(Files.readString(log));
            if (matcher.find()) {
                return Integer.parseInt(matcher.group(1));
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the demo did not log its port:\n" + Files.readString(log));
    }
}
