package io.closewatch.containers;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scenarios played one after the other on a host: after each, the closes counted must be exactly what the
 * scenarios so far added, and stay so (a late double count shows), every series of {@code websocket_closes_total}.
 */
final class Steps {
    private final HostJvm host;
    private final String api;
    private final Map<String, Double> expected = new TreeMap<>();

    /** @param api the {@code api} label of every series the host's sessions are counted in */
    Steps(HostJvm host, String api) {
        this.host = host;
        this.api = api;
    }

    /** One more close in the series of these labels. */
    Map<String, Double> series(String side, String endpoint, int code, String category, String initiator) {
        return Map.of(key(side, endpoint, code, category, initiator), 1.0);
    }

    /** The series of these labels, as {@link Scrape} names it. */
    String key(String side, String endpoint, int code, String category, String initiator) {
        return "{api=" + api + ", category=" + category + ", code=" + code + ", endpoint=" + endpoint
                + ", initiator=" + initiator + ", side=" + side + "}";
    }

    /** At the end: no session is still counted as active, and the stacks in use are {@code stacks}, counted or not. */
    void noneActiveAndStacks(Map<String, Double> stacks) throws Exception {
        Scrape scrape = Scrape.of(host.metricsPort());
        assertEquals(0.0, scrape.values("websocket_sessions_active", "application", "release").values().stream()
                .mapToDouble(d -> d).sum(), scrape.body);
        assertEquals(stacks, scrape.values("closewatch_stack_info", "application", "release"));
    }

    /** Plays {@code scenario}; the closes must then be those expected so far plus {@code added}. */
    @SafeVarargs
    final void play(String scenario, Map<String, Double>... added) throws Exception {
        host.play(scenario);
        for (Map<String, Double> series : added) {
            series.forEach((key, count) -> expected.merge(key, count, Double::sum));
        }
        assertEquals(expected, Scrape.awaitCloses(host.metricsPort(), expected), scenario);
        Thread.sleep(300); // a double count would show now
        assertEquals(expected, Scrape.of(host.metricsPort()).values("websocket_closes_total", "application",
                "release"), scenario);
    }
}
