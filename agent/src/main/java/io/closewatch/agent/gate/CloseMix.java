package io.closewatch.agent.gate;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many sessions of one release closed with each code, over the window compared (summed over its instances).
 *
 * @param counts closes per code label ({@code "1006"}, or {@code "other"} past the agent's cap); or, for the closes
 *               with one code, per cause
 */
public record CloseMix(Map<String, Long> counts) {
    public CloseMix {
        for (Map.Entry<String, Long> count : counts.entrySet()) {
            if (count.getValue() < 0) {
                throw new IllegalArgumentException("a negative count for code " + count.getKey());
            }
        }
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long count(String code) {
        return counts.getOrDefault(code, 0L);
    }

    /** The share of closes with {@code code}, 0 when there are none at all. */
    public double share(String code) {
        long total = total();
        return total == 0 ? 0 : (double) count(code) / total;
    }
}
