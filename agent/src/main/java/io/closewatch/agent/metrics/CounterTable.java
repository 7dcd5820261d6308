package io.closewatch.agent.metrics;

import io.micrometer.core.instrument.Counter;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Counters indexed by (close code, initiator), or by code alone for one cause's (one initiator column), created on
 * first use and then found without locking, hashing or allocating: the per-close path only reads two array slots.
 * Codes are 16-bit, so the table is split into pages of 64 codes that exist only once a code in them has been seen.
 */
final class CounterTable {
    static final int MAX_CODE = 0xFFFF;
    private static final int PAGE_BITS = 6;
    private static final int PAGE_CODES = 1 << PAGE_BITS;

    private final int initiators;
    private final AtomicReferenceArray<AtomicReferenceArray<Counter>> pages =
            new AtomicReferenceArray<>((MAX_CODE + 1) >>> PAGE_BITS);

    CounterTable(int initiators) {
        this.initiators = initiators;
    }

    /** The counter of (code, initiator) if it exists; never creates one. */
    Counter find(int code, int initiator) {
        AtomicReferenceArray<Counter> page = pages.get(code >>> PAGE_BITS);
        return page == null ? null : page.get((code & (PAGE_CODES - 1)) * initiators + initiator);
    }

    /** Whether any counter exists for {@code code}, whatever its initiator. */
    boolean contains(int code) {
        for (int initiator = 0; initiator < initiators; initiator++) {
            if (find(code, initiator) != null) {
                return true;
            }
        }
        return false;
    }

    /** @param code 0..65535 */
    Counter get(int code, int initiator, IntFunction<Counter> create) {
        AtomicReferenceArray<Counter> page = pages.get(code >>> PAGE_BITS);
        if (page == null) {
            pages.compareAndSet(code >>> PAGE_BITS, null, new AtomicReferenceArray<>(PAGE_CODES * initiators));
            page = pages.get(code >>> PAGE_BITS);
        }
        int slot = (code & (PAGE_CODES - 1)) * initiators + initiator;
        Counter counter = page.get(slot);
        if (counter == null) {
            // Micrometer returns the same meter for the same id, so a lost race here cannot split a series.
            page.compareAndSet(slot, null, create.apply(code));
            counter = page.get(slot);
        }
        return counter;
    }
}
