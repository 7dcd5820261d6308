package io.closewatch.benchmarks;

import io.closewatch.agent.metrics.CloseMeters;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.Collection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each benchmark runs, for one short iteration (the scrape latency for 8 scrapes): the suite proves they work, never
 * how fast (no timing assertion: the figures come from real runs, in the README).
 */
class BenchmarksRunTest {
    @Test
    void everyBenchmarkRunsOneShortIteration() throws Exception {
        Options options = new OptionsBuilder()
                .include(RecordingBenchmark.class.getSimpleName())
                .include(ScrapeBenchmark.class.getSimpleName())
                .include(SessionEventsBenchmark.class.getSimpleName())
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        assertEquals(13, results.size(), "recordCloseOneThread, recordCloseFourThreads, scrape, and "
                + "peerClosesASession and handlerFailsAJakartaSession for each of 5 stacks");
        for (RunResult result : results) {
            assertTrue(result.getPrimaryResult().getSampleCount() > 0, result.getParams().getBenchmark());
        }
    }

    @Test
    void theScrapeLatencyRunScrapesTheRealEndpoint() throws Exception {
        PrometheusMeterRegistry registry = CloseMeters.newRegistry("chat", "1.4.2");
        ScrapeBenchmark.fill(registry);
        ScrapeLatency.Result result = ScrapeLatency.measure(registry, 8);
        assertEquals(registry.scrape().length(), result.bytes(), "the whole body, as rendered");
        assertEquals(8, result.sortedNanos().length);
        assertTrue(result.percentile(0) > 0 && result.percentile(50) <= result.percentile(100));
    }
}
