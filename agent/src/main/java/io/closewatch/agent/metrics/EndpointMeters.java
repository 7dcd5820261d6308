package io.closewatch.agent.metrics;

import io.closewatch.agent.core.CloseCategory;
import io.closewatch.agent.core.Initiator;
import io.closewatch.agent.core.Labels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The meters of one (api, side, endpoint): resolved once when the first session of that endpoint opens, so that
 * counting a close builds no tags and looks nothing up in the registry.
 */
public final class EndpointMeters {
    /** WebSocket sessions live from a fraction of a second to days; these buckets span 100 ms to a day. */
    static final Duration[] DURATION_BUCKETS = {
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(5),
        Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
        Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1)
    };
    private static final Initiator[] INITIATORS = Initiator.values();

    private final MeterRegistry registry;
    private final Tags tags;
    private final int maxCodes;
    private final Counter codesCapped;
    private final CauseMeters causes;
    private final AtomicLong active = new AtomicLong();
    private final CounterTable closes = new CounterTable(INITIATORS.length);
    /** Codes outside 1000-1015 that have their own series; guarded by {@code this}. */
    private int distinctCodes;
    private final AtomicReferenceArray<Counter> otherCodes =
            new AtomicReferenceArray<>(CloseCategory.count() * INITIATORS.length);
    private final AtomicReferenceArray<Timer> durations = new AtomicReferenceArray<>(CloseCategory.count());
    private final AtomicReferenceArray<Counter> outOfRangeCloses = new AtomicReferenceArray<>(INITIATORS.length);

    /**
     * @param maxCodes    how many distinct codes outside 1000-1015 get a series of their own
     * @param codesCapped counts the closes counted under {@link Labels#OTHER} instead
     * @param maxCauses   how many distinct causes get a series of their own (see {@link CauseMeters})
     */
    EndpointMeters(MeterRegistry registry, Tags tags, int maxCodes, Counter codesCapped, int maxCauses,
                   Counter causesCapped) {
        this.registry = registry;
        this.tags = tags;
        this.maxCodes = maxCodes;
        this.codesCapped = codesCapped;
        this.causes = new CauseMeters(registry, tags, maxCauses, causesCapped);
        Gauge.builder(MetricNames.SESSIONS_ACTIVE, active, AtomicLong::get)
                .description("WebSocket sessions opened and not yet ended")
                .tags(tags)
                .strongReference(true)
                .register(registry);
    }

    public void opened() {
        active.incrementAndGet();
    }

    /**
     * Counts one ended session, in {@code websocket_closes_total} and, under the same code, in
     * {@code websocket_close_causes_total}.
     *
     * @param cause   why it ended ({@link io.closewatch.agent.core.CloseCauses})
     * @param wasOpen whether its opening was seen (only then does it leave the active gauge)
     */
    public void closed(int code, Initiator initiator, long durationNanos, boolean wasOpen, String cause) {
        // The session leaves the active gauge first: whoever sees its close counted sees it gone.
        if (wasOpen) {
            active.decrementAndGet();
            duration(CloseCategory.of(code)).record(Math.max(0, durationNanos), TimeUnit.NANOSECONDS);
        }
        // The usual close: a code whose counter exists already, found by one read of its slot.
        Counter known = code >= 0 && code <= CounterTable.MAX_CODE ? closes.find(code, initiator.ordinal()) : null;
        int seriesCode = known != null ? code : seriesCode(code);
        (known != null ? known : closeCounter(seriesCode, code, initiator)).increment();
        causes.count(cause, seriesCode);
    }

    public long active() {
        return active.get();
    }

    /**
     * The code of the series a close with {@code code} is counted in, where its counter is not there yet: the code, or
     * {@link CauseMeters#INVALID_CODE} for one that is no close code (a broken API caller's; close codes are 16-bit),
     * or {@link CauseMeters#OTHER_CODE} past {@code max.codes}.
     */
    private int seriesCode(int code) {
        if (code < 0 || code > CounterTable.MAX_CODE) {
            return CauseMeters.INVALID_CODE;
        }
        if (admit(code)) {
            return code;
        }
        codesCapped.increment();
        return CauseMeters.OTHER_CODE;
    }

    private Counter closeCounter(int seriesCode, int code, Initiator initiator) {
        if (seriesCode == CauseMeters.INVALID_CODE) {
            Counter counter = outOfRangeCloses.get(initiator.ordinal());
            if (counter == null) {
                outOfRangeCloses.compareAndSet(initiator.ordinal(), null, newCloseCounter(Labels.INVALID, initiator,
                        CloseCategory.INVALID));
                counter = outOfRangeCloses.get(initiator.ordinal());
            }
            return counter;
        }
        if (seriesCode == CauseMeters.OTHER_CODE) {
            return otherCode(CloseCategory.of(code), initiator);
        }
        return closes.get(code, initiator.ordinal(),
                c -> newCloseCounter(Integer.toString(c), initiator, CloseCategory.of(c)));
    }

    /**
     * Whether {@code code} may have a series of its own. The codes RFC 6455 defines (1000-1015) always may: a peer
     * sending thousands of made-up codes must not push 1006 or 1011 out of sight. Runs once per new code.
     */
    private synchronized boolean admit(int code) {
        if ((code >= 1000 && code <= 1015) || closes.contains(code)) {
            return true;
        }
        if (distinctCodes < maxCodes) {
            distinctCodes++;
            return true;
        }
        return false;
    }

    private Counter otherCode(CloseCategory category, Initiator initiator) {
        int slot = category.ordinal() * INITIATORS.length + initiator.ordinal();
        Counter counter = otherCodes.get(slot);
        if (counter == null) {
            otherCodes.compareAndSet(slot, null, newCloseCounter(Labels.OTHER, initiator, category));
            counter = otherCodes.get(slot);
        }
        return counter;
    }

    private Counter newCloseCounter(String code, Initiator initiator, CloseCategory category) {
        return Counter.builder(MetricNames.CLOSES)
                .description("WebSocket sessions ended, by close code")
                .tags(tags)
                .tag(Labels.CODE, code)
                .tag(Labels.CATEGORY, category.label())
                .tag(Labels.INITIATOR, initiator.label())
                .register(registry);
    }

    private Timer duration(CloseCategory category) {
        Timer timer = durations.get(category.ordinal());
        if (timer == null) {
            durations.compareAndSet(category.ordinal(), null, Timer.builder(MetricNames.SESSION_DURATION)
                    .description("How long WebSocket sessions lived, by how they ended")
                    .tags(tags)
                    .tag(Labels.CATEGORY, category.label())
                    .serviceLevelObjectives(DURATION_BUCKETS)
                    .register(registry));
            timer = durations.get(category.ordinal());
        }
        return timer;
    }
}
