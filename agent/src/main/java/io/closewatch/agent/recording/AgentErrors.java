package io.closewatch.agent.recording;

import io.closewatch.agent.core.Labels;
import io.closewatch.agent.metrics.MetricNames;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures inside the agent: counted in {@code closewatch_agent_errors_total{reason}} and logged once per reason,
 * so that a fault on every close cannot flood the host's log.
 */
public final class AgentErrors {
    private final MeterRegistry registry;
    private final Logger log;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    public AgentErrors(MeterRegistry registry, Logger log) {
        this.registry = registry;
        this.log = log;
    }

    public void failed(String reason, Throwable error) {
        count(reason);
        if (logged.add(reason)) {
            log.warn("Closewatch failed while handling '{}'; the application is unaffected, later failures of "
                    + "this kind are only counted in closewatch_agent_errors_total", reason, error);
        }
    }

    /** Counts a failure that its caller logs itself. */
    public void count(String reason) {
        Counter.builder(MetricNames.AGENT_ERRORS)
                .description("Failures inside the Closewatch agent; the host was not affected")
                .tag(Labels.REASON, reason)
                .register(registry)
                .increment();
    }
}
