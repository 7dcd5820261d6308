package io.closewatch.demo;

import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The demo counts what the agent counts: a burst of N dropped connections is N sessions in {@code /admin/status},
 * however each went (most are cut while sending), and they reach the server through the flaky network as a proxy,
 * so the client side keeps the server's address as its endpoint label. The demo's real Tomcat, on loopback.
 */
class TrafficGeneratorTest {
    private static final int BURST = 20;

    @Test
    void aBurstIsCountedOncePerSessionAndGoesThroughTheFlakyNetwork() throws Exception {
        Tomcat tomcat = new Tomcat();
        DemoConfig config = new DemoConfig("127.0.0.1", 0, Profile.HEALTHY, 0, 0);
        DemoServer.startTomcat(tomcat, config, new AdminServlet(config.profile()));
        try (FlakyNetwork flakyNetwork = new FlakyNetwork(tomcat.getConnector().getLocalPort());
             TrafficGenerator traffic = new TrafficGenerator(config.profile(), tomcat.getConnector().getLocalPort(),
                     flakyNetwork, 0)) {
            assertEquals(BURST, traffic.burst(BURST));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (traffic.endedSoFar().get(Outcome.NETWORK_CUT) < BURST && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            Thread.sleep(500); // nothing more may come
            Map<Outcome, Long> expected = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                expected.put(outcome, outcome == Outcome.NETWORK_CUT ? (long) BURST : 0L);
            }
            assertEquals(expected, traffic.endedSoFar());
            assertEquals((long) BURST, flakyNetwork.tunnels(), "every burst session went through the flaky network");
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
    }
}
