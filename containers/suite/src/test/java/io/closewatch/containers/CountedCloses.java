package io.closewatch.containers;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The closes a host's agent counted ({@code websocket_closes_total} and {@code websocket_close_causes_total}, every
 * series), watched across the scenarios played on it one after the other. After every scenario the causes add up to
 * the closes, per api, side, endpoint and code. An expectation that names cause series ({@link #CAUSES}) is held to
 * every series of both counters; one that names none, to the closes alone. Each scenario waits for what it expects, not for a fixed time: until the change
 * is what the oracle says and no session is active any more. A close counted late, after that, cannot hide: the next
 * scenario first checks that nothing moved since the last one settled, and after the last scenario
 * {@link #nothingMovedLate} waits out one quiet period and checks once more.
 */
final class CountedCloses {
    private static final long WAIT_SECONDS = 15;
    /** Longer than any delay between a session's end and its count; the agent counts on the thread that ends it. */
    private static final long QUIET_MILLIS = 500;
    /** The prefix of the keys of {@code websocket_close_causes_total} series; closes' have none. */
    static final String CAUSES = "causes";

    private final HostJvm host;
    private Map<String, Double> settled;
    private String lastScenario = "the host's start";

    CountedCloses(HostJvm host) {
        this.host = host;
    }

    /**
     * Plays {@code scenario} and waits until the closes changed by one of {@code acceptable} (a container may report
     * a scenario in more than one way) and every {@code websocket_sessions_active} is back to 0.
     *
     * @return the change (of the closes alone where no expectation names causes)
     */
    Map<String, Double> play(String scenario, List<Map<String, Double>> acceptable) throws Exception {
        Map<String, Double> before = closesNow();
        Map<String, Double> settledBefore = settled;
        settled = null; // one failure is reported once, not again by every scenario after it
        if (settledBefore != null) {
            assertEquals(settledBefore, before, "a late change after '" + lastScenario + "'");
        }
        host.play(scenario);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        // Every condition on one scrape: a close is counted in both counters one after the other.
        Scrape scrape = Scrape.of(host.metricsPort());
        Map<String, Double> now = series(scrape);
        while (!(isOneOf(acceptable, delta(before, now)) && noneActive(scrape) && causesAddUp(scrape))
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
            scrape = Scrape.of(host.metricsPort());
            now = series(scrape);
        }
        settled = now;
        lastScenario = scenario;
        Map<String, Double> change = delta(before, now);
        assertTrue(isOneOf(acceptable, change), "change of websocket_closes_total (and causes) after '" + scenario
                + "': " + change + ", expected "
                + (acceptable.size() == 1 ? acceptable.get(0) : "one of " + acceptable));
        assertEquals(perCode(scrape, "websocket_closes_total", "category", "initiator"),
                perCode(scrape, "websocket_close_causes_total", "cause"),
                "websocket_close_causes_total adds up to websocket_closes_total after '" + scenario + "'");
        for (Map.Entry<String, Double> active : actives(scrape).entrySet()) {
            assertEquals(0.0, active.getValue(), "websocket_sessions_active" + active.getKey() + " after " + scenario);
        }
        return namesCauses(acceptable) ? change : closesOnly(change);
    }

    /**
     * After the last scenario: one quiet period, then nothing may have moved since it settled; and the handshake
     * detector never took the stack for one the agent does not count.
     */
    void nothingMovedLate() throws Exception {
        if (settled != null) {
            Thread.sleep(QUIET_MILLIS);
            assertEquals(settled, closesNow(), "a late change after '" + lastScenario + "'");
        }
        noUncountedHandshakes(Scrape.of(host.metricsPort()));
    }

    /** No handshake counted as one of a stack the agent does not count: the series is absent (it only goes up). */
    static void noUncountedHandshakes(Scrape scrape) {
        assertEquals(Map.of(), scrape.values("closewatch_handshakes_uncounted_total", "application", "release"),
                "handshakes of a stack the agent counts were taken for uncounted ones");
    }

    /** Both counters' series: the causes' keys prefixed with {@link #CAUSES}. */
    private Map<String, Double> closesNow() throws Exception {
        return series(Scrape.of(host.metricsPort()));
    }

    /** Both counters' series in {@code scrape}, without application and release: the causes' keys prefixed. */
    static Map<String, Double> series(Scrape scrape) {
        Map<String, Double> series = new TreeMap<>(scrape.values("websocket_closes_total", "application", "release"));
        scrape.values("websocket_close_causes_total", "application", "release")
                .forEach((labels, value) -> series.put(CAUSES + labels, value));
        return series;
    }

    /** Whether {@code change} is one of {@code acceptable}, by causes too where an expectation names them. */
    private static boolean isOneOf(List<Map<String, Double>> acceptable, Map<String, Double> change) {
        return acceptable.stream().anyMatch(expected -> expected.equals(
                namesCauses(List.of(expected)) ? change : closesOnly(change)));
    }

    private static boolean namesCauses(List<Map<String, Double>> expectations) {
        return expectations.stream().anyMatch(expected -> expected.keySet().stream()
                .anyMatch(key -> key.startsWith(CAUSES)));
    }

    private static Map<String, Double> closesOnly(Map<String, Double> series) {
        Map<String, Double> closes = new TreeMap<>(series);
        closes.keySet().removeIf(key -> key.startsWith(CAUSES));
        return closes;
    }

    private static boolean causesAddUp(Scrape scrape) {
        return perCode(scrape, "websocket_closes_total", "category", "initiator")
                .equals(perCode(scrape, "websocket_close_causes_total", "cause"));
    }

    /** {@code metric} summed per api, side, endpoint and code. */
    static Map<String, Double> perCode(Scrape scrape, String metric, String... otherLabels) {
        String[] dropped = new String[otherLabels.length + 2];
        dropped[0] = "application";
        dropped[1] = "release";
        System.arraycopy(otherLabels, 0, dropped, 2, otherLabels.length);
        return scrape.values(metric, dropped);
    }

    private static Map<String, Double> actives(Scrape scrape) {
        return scrape.values("websocket_sessions_active", "application", "release");
    }

    private static boolean noneActive(Scrape scrape) {
        return actives(scrape).values().stream().allMatch(value -> value == 0);
    }

    static Map<String, Double> delta(Map<String, Double> before, Map<String, Double> after) {
        Map<String, Double> delta = new TreeMap<>();
        after.forEach((series, value) -> {
            double change = value - before.getOrDefault(series, 0.0);
            if (change != 0) {
                delta.put(series, change);
            }
        });
        before.forEach((series, value) -> {
            if (!after.containsKey(series)) {
                delta.put(series, -value);
            }
        });
        return delta;
    }
}
