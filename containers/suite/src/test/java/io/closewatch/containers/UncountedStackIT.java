package io.closewatch.containers;

import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Never blind in silence: a host that runs a WebSocket implementation the agent does not count gets one log line
 * naming it, {@code closewatch_stack_info{counted="false"}}, and its handshakes counted.
 */
class UncountedStackIT {
    /**
     * A WebSocket server written by hand (the suite's raw peer, run as the program under the agent): no library the
     * agent knows, yet it is named by its package and each handshake it answers is counted, exactly.
     */
    @Test
    void aServerWrittenByHandIsNamedAndEachOfItsHandshakesCounted() throws Exception {
        try (HostJvm host = HostJvm.start("okhttp4", "io.closewatch.containers.host.RawPeerServer", List.of(),
                JavaHomes.require(17), "port={port}", List.of(), Map.of())) {
            String peer = "ws://127.0.0.1:" + host.readyValue("raw");
            HttpClient client = HttpClient.newHttpClient();
            for (String action : List.of("close/1000", "close/4001", "fin")) {
                JdkClientSessions.session(client, peer + "/" + action, webSocket -> { }); // the peer ends it
            }
            String series = "{implementation=io.closewatch.containers.host}";
            Map<String, Double> expected = Map.of(series, 3.0);
            assertEquals(expected, Scrape.awaitValues(host.metricsPort(), "closewatch_handshakes_uncounted_total",
                    expected, "application", "release"));
            assertEquals(Map.of("{counted=false, stack=io.closewatch.containers.host}", 1.0), stacks(host));
            List<String> named = host.stderr().lines().filter(line -> line.contains("does not count")).toList();
            assertEquals(1, named.size(), host.stderr());
            assertTrue(named.get(0).contains("Closewatch does not count the WebSocket closes of "
                    + "io.closewatch.containers.host: io.closewatch.containers.host.RawPeerServer holds the WebSocket "
                    + "accept GUID"), named.get(0));
            assertEquals(Map.of(), Scrape.of(host.metricsPort()).values("websocket_closes_total", "application",
                    "release"), "nothing it does is a close the agent counts");
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
