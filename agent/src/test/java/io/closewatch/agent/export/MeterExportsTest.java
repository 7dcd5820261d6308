package io.closewatch.agent.export;

import io.closewatch.agent.config.AgentConfig;
import io.closewatch.agent.core.Initiator;
import io.closewatch.agent.core.Side;
import io.closewatch.agent.metrics.CloseMeters;
import io.closewatch.agent.metrics.EndpointMeters;
import io.closewatch.agent.recording.CapturingLogger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Each export alone is the registry itself; several share one close through a composite, each seeing it once. */
class MeterExportsTest {
    private final CapturingLogger log = new CapturingLogger();

    private MeterExports exports(String export) {
        AgentConfig config = AgentConfig.resolve("export=" + export + ",application=chat,release=1.4.2", Map.of(),
                Map.of(), problem -> {
                    throw new AssertionError(problem);
                });
        MeterExports exports = MeterExports.create(config, log);
        exports.start((reason, error) -> { }, reason -> { });
        return exports;
    }

    @Test
    void theDefaultIsTheAgentsPrometheusRegistryAlone() {
        MeterExports exports = exports("prometheus");
        assertSame(exports.prometheus(), exports.registry());
        assertNull(exports.host());
        assertEquals(1.0, countOneClose(exports.registry(), exports.prometheus()));
    }

    @Test
    void theHostExportAloneOpensNoEndpoint() {
        MeterExports exports = exports("host");
        assertSame(exports.host(), exports.registry());
        assertNull(exports.prometheus());
        assertEquals(1.0, countOneClose(exports.registry(), exports.host()));
    }

    @Test
    void severalExportsEachSeeEveryCloseOnce() {
        MeterExports exports = exports("host+prometheus");
        assertInstanceOf(CompositeMeterRegistry.class, exports.registry());
        assertEquals(1.0, countOneClose(exports.registry(), exports.prometheus()));
        assertEquals(1.0, exports.host().get("websocket.closes").counter().count());
        assertEquals(List.of("chat", "1.4.2"), List.of(
                exports.prometheus().get("websocket.closes").counter().getId().getTag("application"),
                exports.host().get("websocket.closes").counter().getId().getTag("release")));
    }

    /** Counts one close through the agent's meters and reads it back from {@code export}. */
    private static double countOneClose(MeterRegistry registry, MeterRegistry export) {
        EndpointMeters endpoint = new CloseMeters(registry, "test", 100, 500, 20)
                .endpoint("jakarta", Side.SERVER, "/ws");
        endpoint.opened();
        endpoint.closed(1011, Initiator.LOCAL, 1_000_000, true, "none");
        Counter counter = export.get("websocket.closes").tag("application", "chat").tag("release", "1.4.2")
                .tag("code", "1011").counter();
        if (export instanceof PrometheusMeterRegistry prometheus) {
            assertEquals(1, prometheus.scrape().lines().filter(line -> line.startsWith("websocket_closes_total{"))
                    .count(), "one series, labelled once");
        }
        return counter.count();
    }
}
