package io.closewatch.containers;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scenarios played one after the other on a host: after each, the closes counted must have changed by exactly what
 * it adds, and stay so (a late double count shows: see {@link CountedCloses}), every series of
 * {@code websocket_closes_total}, and of {@code websocket_close_causes_total} where a step names causes.
 */
final class Steps {
    private final HostJvm host;
    private final String api;
    private final CountedCloses closes;

    /** @param api the {@code api} label of every series the host's sessions are counted in */
    Steps(HostJvm host, String api) {
        this.host = host;
        this.api = api;
        this.closes = new CountedCloses(host);
    }

    /** What one step changes in several series at once. */
    @SafeVarargs
    static Map<String, Double> all(Map<String, Double>... series) {
        Map<String, Double> all = new TreeMap<>();
        for (Map<String, Double> one : series) {
            one.forEach((key, count) -> all.merge(key, count, Double::sum));
        }
        return all;
    }

    /** One more close in the series of these labels. */
    Map<String, Double> series(String side, String endpoint, int code, String category, String initiator) {
        return Map.of(key(side, endpoint, code, category, initiator), 1.0);
    }

    /**
     * One more close in the {@code websocket_close_causes_total} series of these labels. A step that names causes is
     * held to every series of both counters (see {@link CountedCloses}).
     */
    Map<String, Double> cause(String side, String endpoint, int code, String cause) {
        return Map.of(CountedCloses.CAUSES + "{api=" + api + ", cause=" + cause + ", code=" + code + ", endpoint="
                + endpoint + ", side=" + side + "}", 1.0);
    }

    /** The series of these labels, as {@link Scrape} names it. */
    String key(String side, String endpoint, int code, String category, String initiator) {
        return "{api=" + api + ", category=" + category + ", code=" + code + ", endpoint=" + endpoint
                + ", initiator=" + initiator + ", side=" + side + "}";
    }

    /**
     * At the end: nothing counted late, no session is still counted as active, and the stacks in use are
     * {@code stacks}, counted or not.
     */
    void noneActiveAndStacks(Map<String, Double> stacks) throws Exception {
        closes.nothingMovedLate();
        Scrape scrape = Scrape.of(host.metricsPort());
        assertEquals(0.0, scrape.values("websocket_sessions_active", "application", "release").values().stream()
                .mapToDouble(d -> d).sum(), scrape.body);
        assertEquals(stacks, scrape.values("closewatch_stack_info", "application", "release"));
    }

    /**
     * Plays {@code scenario}; the closes must then have changed by exactly one of {@code ways}: a stack that reports
     * the scenario in more than one way, each pinned.
     */
    void playOneOf(String scenario, List<Map<String, Double>> ways) throws Exception {
        closes.play(scenario, ways);
    }

    /** Plays {@code scenario}; the closes must then have changed by {@code added}, all of it. */
    @SafeVarargs
    final void play(String scenario, Map<String, Double>... added) throws Exception {
        Map<String, Double> change = new TreeMap<>();
        for (Map<String, Double> series : added) {
            series.forEach((key, count) -> change.merge(key, count, Double::sum));
        }
        closes.play(scenario, List.of(change));
    }
}
