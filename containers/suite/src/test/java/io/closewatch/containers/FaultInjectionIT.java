package io.closewatch.containers;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults injected into the agent (the test-only system property {@code closewatch.test.fault}) never reach the
 * host: its sessions open and close, its own callbacks run (the host answers DONE only after its clients' close
 * callbacks ran), and each kind of failure is counted and logged once.
 */
class FaultInjectionIT {
    private static final List<String> SCENARIOS = List.of("jdk-client-close 1000 /annotated/r1",
            "container-server-close 4001 /annotated/r2", "container-client-close 1000 /programmatic/3",
            "jdk-abort /programmatic/4", "jdk-raw-peer fin");

    @Test
    void whenEveryRecordingThrowsTheHostIsUnaffectedAndEachFailureIsLoggedOnce() throws Exception {
        try (HostJvm host = HostJvm.start("tomcat11", JavaHomes.require(17), "port={port}",
                List.of("-Dclosewatch.test.fault=record"), Map.of())) {
            for (int round = 0; round < 3; round++) {
                for (String scenario : SCENARIOS) {
                    host.play(scenario); // throws unless the host's own callbacks saw the session end
                }
            }
            Scrape scrape = Scrape.of(host.metricsPort());
            assertEquals(List.of(), scrape.named("websocket_closes_total"), "nothing can be recorded");
            Map<String, Double> errors = scrape.values("closewatch_agent_errors_total", "application", "release");
            assertTrue(errors.getOrDefault("{reason=open}", 0.0) >= 3 * SCENARIOS.size(), errors.toString());
            assertTrue(errors.getOrDefault("{reason=end}", 0.0) >= 3 * SCENARIOS.size(), errors.toString());
            for (String reason : List.of("open", "end", "close_sent")) {
                long logged = host.stderr().lines().filter(line -> line.contains("failed while handling '" + reason
                        + "'")).count();
                assertEquals(1, logged, "log lines for " + reason + ":\n" + host.stderr());
            }
        }
    }

    @Test
    void withoutItsBridgeTheAgentInstrumentsNothingAndSaysSoOnce() throws Exception {
        try (HostJvm host = HostJvm.start("tomcat11", JavaHomes.require(17), "port={port}",
                List.of("-Dclosewatch.test.fault=bridge"), Map.of())) {
            for (String scenario : SCENARIOS) {
                host.play(scenario);
            }
            Scrape scrape = Scrape.of(host.metricsPort());
            assertEquals(List.of(), scrape.named("websocket_closes_total"));
            assertEquals(Map.of("{reason=bridge_unavailable}", 1.0),
                    scrape.values("closewatch_agent_errors_total", "application", "release"));
            String stderr = host.stderr();
            assertEquals(1, stderr.lines().filter(line -> line.contains("'bridge_unavailable'")).count(), stderr);
            assertTrue(stderr.contains("instruments nothing (its bootstrap bridge is unavailable)"), stderr);
        }
    }

    /** A JDK that refused defining the bridge directly: it goes onto the boot class path, and counting goes on. */
    @Test
    void refusedADirectDefinitionTheBridgeIsAppendedToTheBootClassPathAndEveryCloseCounted() throws Exception {
        try (HostJvm host = HostJvm.start("tomcat11", JavaHomes.require(17), "port={port}",
                List.of("-Dclosewatch.test.fault=define"), Map.of())) {
            host.play("jdk-server-close 4001 /annotated/r2");
            Map<String, Double> expected = Map.of(
                    "{api=jakarta, category=application, code=4001, endpoint=/annotated/{room}, initiator=local, "
                            + "side=server}", 1.0,
                    "{api=jdk, category=application, code=4001, endpoint=ws://127.0.0.1:" + host.readyValue("server")
                            + ", initiator=remote, side=client}", 1.0);
            assertEquals(expected, Scrape.awaitCloses(host.metricsPort(), expected));
            assertTrue(host.stderr().contains("bootstrap classpath has been appended"), "the JVM's own warning");
        }
    }
}
