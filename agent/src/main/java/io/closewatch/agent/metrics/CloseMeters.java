package io.closewatch.agent.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.concurrent.ConcurrentHashMap;

/** All of the agent's meters, with the application and release labels every series carries. */
public final class CloseMeters {
    private final MeterRegistry registry;
    private final Tags common;
    private final ConcurrentHashMap<String, EndpointMeters> endpoints = new ConcurrentHashMap<>();

    public CloseMeters(MeterRegistry registry, String application, String release, String agentVersion) {
        this.registry = registry;
        this.common = Tags.of(MetricNames.APPLICATION, application, MetricNames.RELEASE, release);
        Gauge.builder(MetricNames.AGENT_INFO, () -> 1)
                .description("Closewatch agent build information")
                .tag(MetricNames.VERSION, agentVersion)
                .strongReference(true)
                .register(registry);
    }

    /** The meters of one endpoint, created the first time it is asked for. */
    public EndpointMeters endpoint(String api, String side, String endpoint) {
        String key = api + '\n' + side + '\n' + endpoint;
        EndpointMeters meters = endpoints.get(key);
        if (meters == null) {
            meters = endpoints.computeIfAbsent(key, k -> new EndpointMeters(registry, common.and(
                    MetricNames.API, api, MetricNames.SIDE, side, MetricNames.ENDPOINT, endpoint)));
        }
        return meters;
    }
}
