package io.closewatch.containers;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The closes a host's agent counted ({@code websocket_closes_total}, every series), watched across the scenarios
 * played on it one after the other. Each scenario waits for what it expects, not for a fixed time: until the change
 * is what the oracle says and no session is active any more. A close counted late, after that, cannot hide: the next
 * scenario first checks that nothing moved since the last one settled, and after the last scenario
 * {@link #nothingMovedLate} waits out one quiet period and checks once more.
 */
final class CountedCloses {
    private static final long WAIT_SECONDS = 15;
    /** Longer than any delay between a session's end and its count; the agent counts on the thread that ends it. */
    private static final long QUIET_MILLIS = 500;

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
     * @return the change
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
        Map<String, Double> now = closesNow();
        while (!(acceptable.contains(delta(before, now)) && noneActive()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
            now = closesNow();
        }
        settled = now;
        lastScenario = scenario;
        Map<String, Double> change = delta(before, now);
        assertTrue(acceptable.contains(change), "change of websocket_closes_total after '" + scenario + "': "
                + change + ", expected " + (acceptable.size() == 1 ? acceptable.get(0) : "one of " + acceptable));
        for (Map.Entry<String, Double> active : actives().entrySet()) {
            assertEquals(0.0, active.getValue(), "websocket_sessions_active" + active.getKey() + " after " + scenario);
        }
        return change;
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

    private Map<String, Double> closesNow() throws Exception {
        return Scrape.of(host.metricsPort()).values("websocket_closes_total", "application", "release");
    }

    private Map<String, Double> actives() throws Exception {
        return Scrape.of(host.metricsPort()).values("websocket_sessions_active", "application", "release");
    }

    private boolean noneActive() throws Exception {
        return actives().values().stream().allMatch(value -> value == 0);
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
