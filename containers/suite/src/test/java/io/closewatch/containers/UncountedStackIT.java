package io.closewatch.containers;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Never blind in silence: a host that runs a WebSocket stack the agent does not count (Java-WebSocket, its session
 * class loaded) gets one log line naming it and {@code closewatch_stack_info{counted="false"}}.
 */
class UncountedStackIT {
    @Test
    void aStackTheAgentDoesNotCountIsNamedInTheLogAndInItsMetrics() throws Exception {
        try (HostJvm host = HostJvm.start("javawebsocket", "io.closewatch.containers.host.UncountedStackHost", List.of(),
                JavaHomes.require(17), "port={port}", List.of(), Map.of())) {
            Map<String, Double> stacks = Map.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (stacks.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
                stacks = stacks(host);
            }
            assertEquals(Map.of("{counted=false, stack=java-websocket}", 1.0), stacks);
            List<String> named = host.stderr().lines().filter(line -> line.contains("does not count")).toList();
            assertEquals(1, named.size(), host.stderr());
            assertTrue(named.get(0).contains("Closewatch does not count the WebSocket closes of java-websocket "
                    + "(org.java_websocket.WebSocketImpl"), named.get(0));
        }
    }

    private static Map<String, Double> stacks(HostJvm host) {
        try {
            return Scrape.of(host.metricsPort()).values("closewatch_stack_info", "application", "release");
        } catch (Exception notServingYet) {
            return Map.of();
        }
    }
}
