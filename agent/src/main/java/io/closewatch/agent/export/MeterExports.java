package io.closewatch.agent.export;

import io.closewatch.agent.config.AgentConfig;
import io.closewatch.agent.config.AgentConfig.Export;
import io.closewatch.agent.metrics.CloseMeters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.distribution.pause.NoPauseDetector;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The registry the agent records into, and where it goes ({@code export}): the agent's own Prometheus endpoint, the
 * application's Micrometer, OTLP, or several. One export is its registry itself; several are children of a
 * composite, so that a close is still counted once and each export sees it.
 */
public final class MeterExports {
    private final MeterRegistry registry;
    private final PrometheusMeterRegistry prometheus;
    private final HostMeterRegistry host;
    private final AgentConfig config;
    private final Logger log;

    private MeterExports(MeterRegistry registry, PrometheusMeterRegistry prometheus, HostMeterRegistry host,
                         AgentConfig config, Logger log) {
        this.registry = registry;
        this.prometheus = prometheus;
        this.host = host;
        this.config = config;
        this.log = log;
    }

    /**
     * The registries of {@code config}'s exports but OTLP's: that one, and the host export's error reports, need the
     * agent's error counter, which counts into this registry; {@link #start} them once it exists.
     */
    public static MeterExports create(AgentConfig config, Logger log) {
        PrometheusMeterRegistry prometheus = config.exportsTo(Export.PROMETHEUS)
                ? new PrometheusMeterRegistry(PrometheusConfig.DEFAULT) : null;
        HostMeterRegistry host = config.exportsTo(Export.HOST) ? new HostMeterRegistry(log) : null;
        MeterRegistry registry;
        if (config.exports().size() > 1 || config.exportsTo(Export.OTLP)) {
            CompositeMeterRegistry composite = new CompositeMeterRegistry();
            if (prometheus != null) {
                composite.add(withoutPauseDetector(prometheus));
            }
            if (host != null) {
                composite.add(withoutPauseDetector(host));
            }
            registry = composite;
        } else {
            registry = prometheus != null ? prometheus : host;
        }
        return new MeterExports(CloseMeters.labelled(registry, config.application(), config.release()), prometheus,
                host, config, log);
    }

    /**
     * Starts pushing by OTLP, if configured, before anything is recorded.
     *
     * @param failed  counts and logs (once per reason) a failure of an export
     * @param counted counts a failure by its reason, for those the exports log themselves
     */
    public void start(BiConsumer<String, Throwable> failed, Consumer<String> counted) {
        if (host != null) {
            host.reportFailuresTo(failed, counted);
        }
        if (config.exportsTo(Export.OTLP)) {
            ((CompositeMeterRegistry) registry).add(withoutPauseDetector(OtlpExport.start(config.otlp(),
                    config.application(), config.release(), log, counted)));
        }
    }

    /** The children of a composite time with their own pause detector: none, as {@link CloseMeters#labelled}. */
    private static MeterRegistry withoutPauseDetector(MeterRegistry registry) {
        registry.config().pauseDetector(new NoPauseDetector());
        return registry;
    }

    /** What the agent records into; every series carries the {@code application} and {@code release} labels. */
    public MeterRegistry registry() {
        return registry;
    }

    /** The registry the agent's endpoint serves, or null when {@code export} does not include prometheus. */
    public PrometheusMeterRegistry prometheus() {
        return prometheus;
    }

    /** The export to the application's Micrometer, or null when {@code export} does not include host. */
    public HostMeterRegistry host() {
        return host;
    }
}
