package io.closewatch.containers;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The suite's own check: with the agent made to count every close a second time, a moment late (the test-only fault
 * {@code closewatch.test.fault=late-double}), {@link CountedCloses}, which waits for events rather than sleeping
 * after each scenario, still fails: the scenarios that follow, or the check after the last one.
 */
class LateCountIT {
    private static final String SCENARIO = "jdk-client-close 1000 /annotated/r1";

    @Test
    void aCloseCountedTwiceLateFailsTheScenariosThatFollowAndTheLastOne() throws Exception {
        try (HostJvm host = HostJvm.start("tomcat11", JavaHomes.require(17), "port={port}",
                List.of("-Dclosewatch.test.fault=late-double"), Map.of())) {
            Map<String, Double> once = once(host);
            CountedCloses closes = new CountedCloses(host);
            assertEquals(once, closes.play(SCENARIO, List.of(once)), "on time, the count is right");
            AssertionFailedError last = assertThrows(AssertionFailedError.class, closes::nothingMovedLate);
            assertTrue(last.getMessage().startsWith("a late change after '" + SCENARIO + "'"), last.getMessage());

            // Played on: the late count fails a scenario that follows (its start, or its change) or, at the latest,
            // the last check.
            CountedCloses next = new CountedCloses(host);
            AssertionFailedError followed = assertThrows(AssertionFailedError.class, () -> {
                next.play(SCENARIO, List.of(once));
                next.play("jdk-client-close 1000 /annotated/r2", List.of(once));
                next.play("jdk-client-close 1000 /annotated/r3", List.of(once));
                next.nothingMovedLate();
            });
            assertTrue(followed.getMessage().startsWith("a late change after '")
                    || followed.getMessage().startsWith("change of websocket_closes_total"), followed.getMessage());
        }
    }

    /** Without the fault, the same steps pass: the check fails on the late count, not on its own. */
    @Test
    void countedOnceNothingMovesLate() throws Exception {
        try (HostJvm host = HostJvm.start("tomcat11", JavaHomes.require(17), "port={port}", List.of(), Map.of())) {
            Map<String, Double> once = once(host);
            CountedCloses closes = new CountedCloses(host);
            closes.play(SCENARIO, List.of(once));
            closes.play("jdk-client-close 1000 /annotated/r2", List.of(once));
            closes.nothingMovedLate();
        }
    }

    private static Map<String, Double> once(HostJvm host) {
        return Map.of(WeaverSafetyIT.series("jakarta", "server", "/annotated/{room}", 1000, "normal", "remote"), 1.0,
                WeaverSafetyIT.series("jdk", "client", "ws://127.0.0.1:" + host.readyValue("server"), 1000, "normal",
                        "local"), 1.0);
    }
}
