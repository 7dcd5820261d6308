package io.closewatch.containers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Jetty 12.1's own WebSocket API without a servlet container (its core {@code WebSocketUpgradeHandler}), server and
 * client in one host (see {@code JettyApiHost}): each session counted once on each side, {@code api="jetty"}, the
 * server under the URI template it was mapped by, the client under its target's origin (the query, which may carry
 * a token, left out), and the stack named as counted. The servlet-based server, on 12.0 and 12.1, runs the whole
 * scenario suite in ContainerMatrixIT.java.
 */
class JettyApiIT {
    @ParameterizedTest(name = "on Java {0}")
    @ValueSource(ints = {17, 25})
    void jettysOwnApiIsCountedOnBothSides(int java) throws Exception {
        try (HostJvm host = HostJvm.start("jetty12api", "io.closewatch.containers.host.JettyApiHost", List.of(),
                JavaHomes.require(java), "port={port}", List.of(), Map.of())) {
            String origin = "ws://127.0.0.1:" + host.readyValue("port");
            Map<String, Double> expected = Map.of(
                    "{api=jetty, category=normal, code=1000, endpoint=" + origin + ", initiator=local, side=client}", 1.0,
                    "{api=jetty, category=normal, code=1000, endpoint=/echo/{id}, initiator=remote, side=server}", 1.0,
                    "{api=jetty, category=application, code=4001, endpoint=" + origin
                            + ", initiator=remote, side=client}", 1.0,
                    "{api=jetty, category=application, code=4001, endpoint=/echo/{id}, initiator=local, side=server}",
                    1.0);
            assertEquals(expected, Scrape.awaitCloses(host.metricsPort(), expected));
            Scrape scrape = Scrape.of(host.metricsPort());
            assertEquals(0.0, scrape.values("websocket_sessions_active", "application", "release").values().stream()
                    .mapToDouble(d -> d).sum());
            assertEquals(Map.of("{counted=true, stack=jetty-api}", 1.0),
                    scrape.values("closewatch_stack_info", "application", "release"));
        }
    }
}
