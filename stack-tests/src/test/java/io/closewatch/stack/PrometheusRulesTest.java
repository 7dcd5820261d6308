package io.closewatch.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped Prometheus files, checked by Prometheus's own promtool. The alert behaviour itself (fires on a spike
 * within a few evaluations, silent on steady healthy traffic and on low traffic, resolves after the spike) is in
 * prometheus/tests/closewatch.rules.test.yml.
 */
class PrometheusRulesTest {
    private static Processes.Result promtool(String... arguments) throws Exception {
        Path promtool = Repository.tool("promtool", "prometheus");
        List<String> command = new java.util.ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(arguments));
        return Processes.run(command, Repository.file("prometheus"), Map.of(), 120);
    }

    @Test
    void rulesAreValid() throws Exception {
        Processes.Result result = promtool("check", "rules", "rules/closewatch.rules.yml");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS: 7 rules found"), result.output());
    }

    @Test
    void alertBehaviourUnitTestsPass() throws Exception {
        Processes.Result result = promtool("test", "rules", "tests/closewatch.rules.test.yml");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("SUCCESS"), result.output());
    }

    @Test
    void composePrometheusConfigIsValid() throws Exception {
        Processes.Result result = promtool("check", "config", "--syntax-only", "prometheus.yml");
        assertEquals(0, result.exitCode(), result.output());
    }
}
