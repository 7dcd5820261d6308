package io.closewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard's structure and the Grafana alert rules, against the provisioned data source and Prometheus rules. */
class GrafanaProvisioningTest {
    private static final String DATASOURCE_VARIABLE = "${datasource}";

    private static JsonNode dashboard() throws Exception {
        return Repository.json("grafana/dashboards/closewatch.json");
    }

    private static String provisionedDatasourceUid() throws Exception {
        JsonNode datasources = Repository.yaml("grafana/provisioning/datasources/prometheus.yml").path("datasources");
        assertEquals(1, datasources.size());
        assertEquals("prometheus", datasources.get(0).path("type").asText());
        return datasources.get(0).path("uid").asText();
    }

    @Test
    void panelIdsAreUnique() throws Exception {
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : Queries.panels(dashboard())) {
            assertTrue(ids.add(panel.path("id").asInt()), "duplicate panel id " + panel.path("id"));
        }
        assertTrue(ids.size() >= 12, "panels: " + ids);
    }

    @Test
    void everyPanelAndQueryUsesTheProvisionedDatasourceOrTheVariable() throws Exception {
        String provisioned = provisionedDatasourceUid();
        List<String> wrong = new ArrayList<>();
        for (JsonNode panel : Queries.panels(dashboard())) {
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            List<JsonNode> uses = new ArrayList<>(List.of(panel.path("datasource")));
            panel.path("targets").forEach(uses::add);
            for (JsonNode use : uses) {
                JsonNode datasource = use.has("refId") ? use.path("datasource") : use;
                String uid = datasource.path("uid").asText();
                if (!uid.equals(DATASOURCE_VARIABLE) && !uid.equals(provisioned)) {
                    wrong.add(panel.path("title").asText() + ": " + datasource);
                }
            }
        }
        assertEquals(List.of(), wrong);
        JsonNode datasourceVariable = dashboard().path("templating").path("list").get(0);
        assertEquals("datasource", datasourceVariable.path("type").asText());
        assertEquals(provisioned, datasourceVariable.path("current").path("value").asText());
    }

    @Test
    void everyVariableUsedIsDefined() throws Exception {
        JsonNode dashboard = dashboard();
        Set<String> defined = new HashSet<>(Queries.BUILT_IN);
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            defined.add(variable.path("name").asText());
        }
        Set<String> used = new HashSet<>();
        for (String expression : Queries.dashboard(dashboard)) {
            used.addAll(Queries.variables(expression));
        }
        for (JsonNode panel : Queries.panels(dashboard)) {
            used.addAll(Queries.variables(panel.path("title").asText()));
            panel.path("targets").forEach(target -> used.addAll(Queries.variables(target.path("legendFormat").asText())));
        }
        used.removeAll(defined);
        assertEquals(Set.of(), used, "variables used but not defined");
        assertTrue(defined.containsAll(Set.of("application", "release", "side", "api", "endpoint", "release_a",
                "release_b")), defined.toString());
    }

    @Test
    void ratesUseTheRateIntervalAndAggregateAcrossInstances() throws Exception {
        for (String expression : Queries.dashboard(dashboard())) {
            if (expression.contains("rate(")) {
                assertTrue(expression.contains("[$__rate_interval]") || expression.contains("[$__range]"), expression);
            }
            if (expression.contains("websocket_") && !expression.startsWith("count by")) {
                assertTrue(expression.contains("sum(") || expression.contains("sum by"), "not aggregated: " + expression);
            }
        }
    }

    @Test
    void grafanaAlertRulesExpressTheSameConditionsAsThePrometheusRules() throws Exception {
        Map<String, JsonNode> grafana = Queries.grafanaRules(
                Repository.yaml("grafana/provisioning/alerting/closewatch-alerts.yml"));
        Map<String, JsonNode> prometheus = Queries.prometheusRules(Repository.yaml("prometheus/rules/closewatch.rules.yml"));
        List<String> alerts = prometheus.keySet().stream().filter(name -> prometheus.get(name).has("alert")).toList();
        assertEquals(List.of("WebSocketAbnormalClosureSpike", "WebSocketInternalErrorSpike"), alerts);
        assertEquals(Set.copyOf(alerts), grafana.keySet());
        String provisioned = provisionedDatasourceUid();
        for (String alert : alerts) {
            JsonNode promRule = prometheus.get(alert);
            JsonNode grafanaRule = grafana.get(alert);
            assertEquals(Queries.normalized(promRule.path("expr").asText()),
                    Queries.normalized(Queries.grafanaQuery(grafanaRule)), alert + ": query");
            assertEquals(promRule.path("for").asText(), grafanaRule.path("for").asText(), alert + ": pending period");
            assertEquals(promRule.path("labels"), grafanaRule.path("labels"), alert + ": labels");
            assertThresholdIsAnyResult(grafanaRule);
            for (JsonNode query : grafanaRule.path("data")) {
                String uid = query.path("datasourceUid").asText();
                assertTrue(uid.equals("__expr__") || uid.equals(provisioned), alert + ": data source " + uid);
            }
            assertEquals("closewatch", grafanaRule.path("annotations").path("__dashboardUid__").asText());
            String panelId = grafanaRule.path("annotations").path("__panelId__").asText();
            assertTrue(Queries.panels(dashboard()).stream().anyMatch(p -> p.path("id").asText().equals(panelId)),
                    alert + " links to panel " + panelId + ", which the dashboard lacks");
        }
    }

    /** The Prometheus query returns series only while the condition holds: C must be "B > 0", B the last of A. */
    private static void assertThresholdIsAnyResult(JsonNode rule) {
        Map<String, JsonNode> byRef = new java.util.HashMap<>();
        rule.path("data").forEach(query -> byRef.put(query.path("refId").asText(), query.path("model")));
        JsonNode condition = byRef.get(rule.path("condition").asText());
        assertEquals("threshold", condition.path("type").asText());
        JsonNode evaluator = condition.path("conditions").get(0).path("evaluator");
        assertEquals("gt", evaluator.path("type").asText());
        assertEquals(0, evaluator.path("params").get(0).asDouble());
        JsonNode reduce = byRef.get(condition.path("expression").asText());
        assertEquals("reduce", reduce.path("type").asText());
        assertEquals("last", reduce.path("reducer").asText());
        assertFalse(byRef.get(reduce.path("expression").asText()).path("expr").asText().isBlank());
    }
}
