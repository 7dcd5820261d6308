package io.closewatch.benchmarks;

import io.closewatch.agent.core.Api;
import io.closewatch.agent.core.Initiator;
import io.closewatch.agent.core.Side;
import io.closewatch.agent.metrics.CloseMeters;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Rendering {@code /metrics} for 1,000 close-counter label sets (50 endpoints with 20 code series each), plus
 * their duration histograms and gauges: the work of one scrape, without the HTTP around it
 * ({@code benchmarks/scrape.sh} measures that). Target: p99 of a whole scrape at most 10 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScrapeBenchmark {
    static final int ENDPOINTS = 50;
    static final int CODES_PER_ENDPOINT = 20;

    private PrometheusMeterRegistry registry;

    @Setup
    public void thousandLabelSets() {
        registry = CloseMeters.newRegistry("chat", "1.4.2");
        fill(registry);
    }

    /** 1,000 distinct close-counter series, as a busy service would have. */
    static void fill(PrometheusMeterRegistry registry) {
        CloseMeters meters = new CloseMeters(registry, "bench", 100, 500, 20);
        for (int e = 0; e < ENDPOINTS; e++) {
            var endpoint = meters.endpoint(Api.JAKARTA, Side.SERVER, "/room-" + e + "/{id}");
            for (int c = 0; c < CODES_PER_ENDPOINT; c++) {
                endpoint.opened();
                endpoint.closed(4000 + c, Initiator.REMOTE, 2_000_000_000L, true, "none");
            }
        }
    }

    @Benchmark
    public String scrape() {
        return registry.scrape();
    }
}
