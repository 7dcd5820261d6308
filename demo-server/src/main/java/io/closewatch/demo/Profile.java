package io.closewatch.demo;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/** A close mix: how often each {@link Outcome} happens. Two instances with two profiles look like two releases. */
enum Profile {
    /** What a good release looks like: mostly clean closes, a little abnormal noise. */
    HEALTHY(Map.of(Outcome.NORMAL, 62, Outcome.GOING_AWAY, 20, Outcome.KICKED, 6, Outcome.POLICY_VIOLATION, 4,
            Outcome.SERVER_ERROR, 1, Outcome.CLIENT_ABORT, 2, Outcome.NETWORK_CUT, 1)),
    /** A bad release: many more dropped connections (1006) and internal errors (1011). */
    DEGRADED(Map.of(Outcome.NORMAL, 40, Outcome.GOING_AWAY, 14, Outcome.KICKED, 5, Outcome.POLICY_VIOLATION, 4,
            Outcome.SERVER_ERROR, 15, Outcome.CLIENT_ABORT, 7, Outcome.NETWORK_CUT, 15));

    private final Map<Outcome, Integer> weights;
    private final int total;

    Profile(Map<Outcome, Integer> weights) {
        this.weights = new EnumMap<>(weights);
        this.total = weights.values().stream().mapToInt(Integer::intValue).sum();
    }

    Outcome pick(RandomGenerator random) {
        int ticket = random.nextInt(total);
        for (Map.Entry<Outcome, Integer> weight : weights.entrySet()) {
            ticket -= weight.getValue();
            if (ticket < 0) {
                return weight.getKey();
            }
        }
        throw new IllegalStateException("weights do not add up");
    }

    double share(Outcome outcome) {
        return weights.getOrDefault(outcome, 0) / (double) total;
    }

    static Profile parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown profile '" + name + "': use healthy or degraded", e);
        }
    }
}
