package io.closewatch.benchmarks;

import io.closewatch.agent.core.Api;
import io.closewatch.agent.core.Initiator;
import io.closewatch.agent.core.Side;
import io.closewatch.agent.metrics.CloseMeters;
import io.closewatch.agent.metrics.EndpointMeters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The recording path of one close, as the agent runs it once a session ends: classification, the close counter,
 * its cause's counter, the duration timer and the active gauge, on meters resolved when the session opened. Target: at most 50 ns and
 * 0 bytes allocated per close (run with {@code -prof gc}), on one thread and on four.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordingBenchmark {
    /** A realistic mix: mostly normal, some going away, abnormal, internal error and application codes. */
    private static final int[] CODES = {1000, 1000, 1000, 1001, 1006, 1011, 4001, 1000};
    private static final Initiator[] INITIATORS = {Initiator.REMOTE, Initiator.LOCAL, Initiator.NONE};
    /** Each code's cause: none for the clean ones, an I/O error for 1006, a handler's exception for 1011. */
    private static final String[] CAUSES = {"none", "none", "none", "none", "java.io.EOFException",
        "java.lang.IllegalStateException", "none", "none"};

    private EndpointMeters endpoint;

    @Setup
    public void meters() {
        CloseMeters meters = new CloseMeters(CloseMeters.newRegistry("chat", "1.4.2"),
                "bench", 100, 500, 20);
        endpoint = meters.endpoint(Api.JAKARTA, Side.SERVER, "/chat/{room}");
        for (int c = 0; c < CODES.length; c++) {
            for (Initiator initiator : INITIATORS) {
                endpoint.closed(CODES[c], initiator, 1, false, CAUSES[c]); // every series exists, as in steady state
            }
        }
    }

    /** Per thread: which close comes next. */
    @State(Scope.Thread)
    public static class Sequence {
        int next;
    }

    @Benchmark
    @Threads(1)
    public void recordCloseOneThread(Sequence sequence) {
        record(sequence);
    }

    @Benchmark
    @Threads(4)
    public void recordCloseFourThreads(Sequence sequence) {
        record(sequence);
    }

    private void record(Sequence sequence) {
        int i = sequence.next++;
        endpoint.opened();
        int c = i & (CODES.length - 1);
        endpoint.closed(CODES[c], INITIATORS[i % INITIATORS.length], 1_500_000_000L, true, CAUSES[c]);
    }
}
