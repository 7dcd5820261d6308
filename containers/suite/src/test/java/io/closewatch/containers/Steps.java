package io.closewatch.containers;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scenarios played one after the other on a host: after each, the closes counted must be exactly what the
 * scenarios so far added, and stay so (a late double count shows), every series of {@code websocket_closes_total}.
 */
final class Steps {
    private final HostJvm host;
    private final Map<String, Double> expected;

    /** @param expected the closes expected so far; grows with every step */
    Steps(HostJvm host, Map<String, Double> expected) {
        this.host = host;
        this.expected = expected;
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
