package io.closewatch.agent.metrics;

import io.closewatch.agent.core.CloseCauses;
import io.closewatch.agent.core.Labels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;

import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code websocket_close_causes_total} of one (api, side, endpoint): a counter per cause and code, found on the
 * per-close path by a map read and two array slots, without allocating. Causes come from outside (the classes an
 * application throws), so at most {@code maxCauses} have their own series; past that a close's cause is
 * {@link Labels#OTHER}. {@link CloseCauses#NONE} and {@link CloseCauses#IDLE_TIMEOUT} always keep theirs: a flood of
 * new exception classes must not hide the clean closes.
 */
final class CauseMeters {
    /** The code of a close counted under {@code code="other"} (past {@code max.codes}). */
    static final int OTHER_CODE = -1;
    /** The code of a close counted under {@code code="invalid"} (not a 16-bit number). */
    static final int INVALID_CODE = -2;

    private final MeterRegistry registry;
    private final Tags tags;
    private final int maxCauses;
    private final Counter causesCapped;
    private final ConcurrentHashMap<String, CodesOfCause> causes = new ConcurrentHashMap<>();
    /** Causes other than the always-kept words that have their own series; guarded by {@code this}. */
    private int distinctCauses;

    CauseMeters(MeterRegistry registry, Tags tags, int maxCauses, Counter causesCapped) {
        this.registry = registry;
        this.tags = tags;
        this.maxCauses = maxCauses;
        this.causesCapped = causesCapped;
    }

    /** @param code a close code, {@link #OTHER_CODE} or {@link #INVALID_CODE}, as the close's own series has it */
    void count(String cause, int code) {
        CodesOfCause codes = causes.get(cause);
        (codes != null ? codes : admit(cause)).counter(code).increment();
    }

    /** The counters of a cause not seen yet: its own, or past the cap those of "other". Runs once per new cause. */
    private synchronized CodesOfCause admit(String cause) {
        CodesOfCause codes = causes.get(cause);
        if (codes != null) {
            return codes;
        }
        boolean alwaysKept = cause.equals(CloseCauses.NONE) || cause.equals(CloseCauses.IDLE_TIMEOUT);
        if (!alwaysKept && distinctCauses >= maxCauses) {
            causesCapped.increment();
            // Past the cap nothing is kept for the cause, so a flood of names costs no memory either.
            return causes.computeIfAbsent(Labels.OTHER, CodesOfCause::new);
        }
        if (!alwaysKept) {
            distinctCauses++;
        }
        codes = new CodesOfCause(cause);
        causes.put(cause, codes);
        return codes;
    }

    /** The counters of one cause, by code. */
    private final class CodesOfCause {
        private final String cause;
        private final CounterTable codes = new CounterTable(1);
        private volatile Counter otherCode;
        private volatile Counter invalidCode;

        CodesOfCause(String cause) {
            this.cause = cause;
        }

        Counter counter(int code) {
            if (code == OTHER_CODE) {
                Counter counter = otherCode;
                return counter != null ? counter : (otherCode = newCounter(Labels.OTHER));
            }
            if (code == INVALID_CODE) {
                Counter counter = invalidCode;
                return counter != null ? counter : (invalidCode = newCounter(Labels.INVALID));
            }
            Counter counter = codes.find(code, 0);
            return counter != null ? counter : codes.get(code, 0, c -> newCounter(Integer.toString(c)));
        }

        /** Micrometer returns the same meter for the same id, so a race here cannot split a series. */
        private Counter newCounter(String code) {
            return Counter.builder(MetricNames.CLOSE_CAUSES)
                    .description("WebSocket sessions ended, by close code and by the error the stack reported")
                    .tags(tags)
                    .tag(Labels.CODE, code)
                    .tag(Labels.CAUSE, cause)
                    .register(registry);
        }
    }
}
