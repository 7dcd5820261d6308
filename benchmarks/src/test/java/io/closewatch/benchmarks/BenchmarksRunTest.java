package io.closewatch.benchmarks;

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
 * Each benchmark runs, for one short iteration: the suite proves they work, never how fast (no timing assertion:
 * the figures come from real runs, in the README).
 */
class BenchmarksRunTest {
    @Test
    void everyBenchmarkRunsOneShortIteration() throws Exception {
        Options options = new OptionsBuilder()
                .include(RecordingBenchmark.class.getSimpleName())
                .include(ScrapeBenchmark.class.getSimpleName())
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .build();
        Collection<RunResult> results = new Runner(options).run();
        assertEquals(3, results.size(), "recordCloseOneThread, recordCloseFourThreads, scrape");
        for (RunResult result : results) {
            assertTrue(result.getPrimaryResult().getSampleCount() > 0, result.getParams().getBenchmark());
        }
    }
}
