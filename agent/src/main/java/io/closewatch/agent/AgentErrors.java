package io.closewatch.agent;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Failures inside the agent: counted in {@code closewatch_agent_errors_total{reason}} and logged once per reason,
 * so that a fault on every close cannot flood the host's log.
 */
final class AgentErrors {
    static final String METER = "closewatch.agent.errors";

    private final MeterRegistry registry;
    private final Logger log;
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    AgentErrors(MeterRegistry registry, Logger log) {
        this.registry = registry;
        this.log = log;
    }

    void failed(String reason, Throwable error) {
        Counter.builder(METER)
                .description("Failures inside the Closewatch agent; the host was not affected")
                .tag("reason", reason)
                .register(registry)
                .increment();
        if (logged.add(reason)) {
            log.warn("Closewatch failed while handling '{}'; the application is unaffected, later failures of "
                    + "this kind are only counted in closewatch_agent_errors_total", reason, error);
        }
    }
}
