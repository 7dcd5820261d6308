package io.closewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PromQL of the dashboard and of the alert rules, and Grafana's variables in it. */
final class Queries {
    /** {@code $name} or {@code ${name}}, as Grafana writes variables. */
    static final Pattern VARIABLE = Pattern.compile("\\$\\{?(\\w+)}?");
    /** Grafana's own variables, defined by Grafana rather than by the dashboard. */
    static final Set<String> BUILT_IN = Set.of("__rate_interval", "__range", "__interval");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.*),\\s*(\\w+)\\)", Pattern.DOTALL);

    private Queries() {
    }

    /** Every panel target, in rows too, and every variable query (label_values made into a PromQL count). */
    static List<String> dashboard(JsonNode dashboard) {
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                expressions.add(labelValuesAsPromQl(variable.path("query").path("query").asText()));
            }
        }
        return expressions;
    }

    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** The Prometheus query (refId A, the one with a data source) of each Grafana-managed rule, by title. */
    static Map<String, JsonNode> grafanaRules(JsonNode provisioning) {
        Map<String, JsonNode> rules = new java.util.LinkedHashMap<>();
        for (JsonNode group : provisioning.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.put(rule.path("title").asText(), rule);
            }
        }
        return rules;
    }

    static String grafanaQuery(JsonNode rule) {
        for (JsonNode query : rule.path("data")) {
            if (!"__expr__".equals(query.path("datasourceUid").asText())) {
                return query.path("model").path("expr").asText();
            }
        }
        throw new AssertionError("rule " + rule.path("title").asText() + " has no Prometheus query");
    }

    /** Recording and alerting rules of a Prometheus rules file: alert or record name to the rule. */
    static Map<String, JsonNode> prometheusRules(JsonNode rulesFile) {
        Map<String, JsonNode> rules = new java.util.LinkedHashMap<>();
        for (JsonNode group : rulesFile.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                rules.put(rule.has("alert") ? rule.path("alert").asText() : rule.path("record").asText(), rule);
            }
        }
        return rules;
    }

    static Set<String> variables(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = VARIABLE.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Replaces each Grafana variable with a concrete value, as Grafana does before it sends a query. */
    static String concrete(String expression, Map<String, String> values) {
        Matcher matcher = VARIABLE.matcher(expression);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new AssertionError("no value for $" + matcher.group(1) + " in " + expression);
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** Whitespace does not change PromQL; so that two spellings of one query compare equal. */
    static String normalized(String expression) {
        return expression.trim().replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
    }

    static String labelValuesAsPromQl(String query) {
        Matcher matcher = LABEL_VALUES.matcher(query.trim());
        if (!matcher.matches()) {
            throw new AssertionError("not a label_values(metric, label) query: " + query);
        }
        return "count by (" + matcher.group(2) + ") (" + matcher.group(1).trim() + ")";
    }
}
