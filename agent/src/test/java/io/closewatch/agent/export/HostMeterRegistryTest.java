package io.closewatch.agent.export;

import example.oldmicrometer.Metrics;
import io.closewatch.agent.core.Initiator;
import io.closewatch.agent.core.Side;
import io.closewatch.agent.metrics.CloseMeters;
import io.closewatch.agent.metrics.EndpointMeters;
import io.closewatch.agent.recording.CapturingLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The export to the application's Micrometer, against a real Micrometer and Prometheus registry loaded by a class
 * loader of their own, as an application's are: what the application's {@code /actuator/prometheus} would show.
 */
class HostMeterRegistryTest {
    /** The Micrometer this test runs with, and the oldest the export supports (jars from the agent's build). */
    private static final String CURRENT = "current";
    private static final String OLDEST = "1.10";
    private static final long SESSION_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);

    private final CapturingLogger log = new CapturingLogger();
    private final List<String> failures = new ArrayList<>();
    private final HostMeterRegistry export = new HostMeterRegistry(log);
    private final CloseMeters meters = new CloseMeters(CloseMeters.labelled(export, "chat", "1.4.2"), "test", 100,
            500, 20);
    private final List<URLClassLoader> applications = new ArrayList<>();

    HostMeterRegistryTest() {
        export.reportFailuresTo((reason, error) -> failures.add(reason + ": " + error),
                reason -> failures.add(reason + " (counted)"));
    }

    @AfterEach
    void closeApplications() throws Exception {
        for (URLClassLoader application : applications) {
            application.close();
        }
    }

    @ParameterizedTest(name = "Micrometer {0}")
    @ValueSource(strings = {CURRENT, OLDEST})
    void countsMadeBeforeEitherRegistryExistsAreExactOnceTheApplicationScrapes(String micrometer) throws Exception {
        EndpointMeters chat = meters.endpoint("jakarta", Side.SERVER, "/chat/{room}");
        session(chat, 1006, Initiator.NONE);
        session(chat, 1006, Initiator.NONE);
        Application application = new Application(micrometer);
        export.bind(application.metrics);
        session(chat, 1006, Initiator.NONE);
        application.addPrometheusRegistry(); // as Spring Boot does, after the agent's meters are in its global one
        session(chat, 1006, Initiator.NONE);
        chat.opened();

        Map<String, Double> scrape = application.scrape();
        String labels = "api=\"jakarta\",application=\"chat\",category=\"abnormal\",code=\"1006\","
                + "endpoint=\"/chat/{room}\",initiator=\"none\",release=\"1.4.2\",side=\"server\"";
        assertEquals(4.0, scrape.get("websocket_closes_total{" + labels + "}"), scrape.toString());
        assertEquals(1.0, scrape.get("websocket_sessions_active{api=\"jakarta\",application=\"chat\","
                + "endpoint=\"/chat/{room}\",release=\"1.4.2\",side=\"server\"}"), scrape.toString());
        // A timer cannot be read back: the application's registry sees the sessions that end once it is there.
        String duration = "websocket_session_duration_seconds_count{api=\"jakarta\",application=\"chat\","
                + "category=\"abnormal\",endpoint=\"/chat/{room}\",release=\"1.4.2\",side=\"server\"}";
        assertEquals(1.0, scrape.get(duration), scrape.toString());
        assertEquals(1.0, scrape.get(duration.replace("_count{", "_bucket{").replace("side=\"server\"}",
                "side=\"server\",le=\"2.0\"}")), scrape.toString());
        assertEquals(0.0, scrape.get(duration.replace("_count{", "_bucket{").replace("side=\"server\"}",
                "side=\"server\",le=\"1.0\"}")), scrape.toString());
        assertEquals(1.0, scrape.get("closewatch_agent_info{application=\"chat\",release=\"1.4.2\",version=\"test\"}"));
        assertEquals(List.of(), failures);
        assertTrue(log.lines.contains("INFO Closewatch's meters are now in the application's Micrometer "
                + application.version() + " (Metrics.globalRegistry)"), log.lines.toString());
    }

    @ParameterizedTest(name = "Micrometer {0}")
    @ValueSource(strings = {CURRENT, OLDEST})
    void metersCreatedAfterTheBindingAreMirroredToo(String micrometer) throws Exception {
        Application application = new Application(micrometer);
        application.addPrometheusRegistry();
        export.bind(application.metrics);
        meters.stackSeen("tomcat", true);
        session(meters.endpoint("jakarta", Side.CLIENT, "ws://chat.example/ws"), 1000, Initiator.LOCAL);

        Map<String, Double> scrape = application.scrape();
        assertEquals(1.0, scrape.get("websocket_closes_total{api=\"jakarta\",application=\"chat\",category=\"normal\","
                + "code=\"1000\",endpoint=\"ws://chat.example/ws\",initiator=\"local\",release=\"1.4.2\","
                + "side=\"client\"}"), scrape.toString());
        assertEquals(1.0, scrape.get("closewatch_stack_info{application=\"chat\",counted=\"true\",release=\"1.4.2\","
                + "stack=\"tomcat\"}"), scrape.toString());
    }

    @Test
    void aSecondApplicationsMicrometerIsNamedOnceAndGetsNothing() throws Exception {
        export.bind(new Application(CURRENT).metrics);
        Application second = new Application(CURRENT);
        second.addPrometheusRegistry();
        export.bind(second.metrics);
        session(meters.endpoint("jakarta", Side.SERVER, "/ws"), 1000, Initiator.REMOTE);

        assertTrue(second.scrape().keySet().stream().noneMatch(series -> series.startsWith("websocket_")));
        assertEquals(1, log.lines.stream().filter(line -> line.contains("does not get its meters")).count(),
                log.lines.toString());
    }

    @Test
    void aMicrometerWithoutTheNeededApiIsNamedAndTheHostIsUnaffected() {
        export.bind(Metrics.class);
        session(meters.endpoint("jakarta", Side.SERVER, "/ws"), 1000, Initiator.REMOTE);

        assertFalse(export.bound());
        assertEquals(1, failures.size(), failures.toString());
        assertEquals(List.of(HostMeterRegistry.FAILED + " (counted)"), failures);
        assertEquals(1, log.lines.size(), log.lines.toString());
        assertTrue(log.lines.get(0).startsWith("ERROR Closewatch cannot export to the application's Micrometer")
                && log.lines.get(0).contains("1.10 or later")
                && log.lines.get(0).contains("ClassNotFoundException"), log.lines.toString());
    }

    @Test
    void anApplicationWithoutMicrometerIsToldSoOnce() throws Exception {
        export.reportIfUnboundAfter(Duration.ofMillis(50));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (log.lines.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, log.lines.size(), log.lines.toString());
        assertTrue(log.lines.get(0).startsWith("WARN Closewatch exports to the application's Micrometer "
                + "(export=host), but after 0 s the application has loaded none"), log.lines.get(0));
    }

    @Test
    void anApplicationWithMicrometerIsNotToldItHasNone() throws Exception {
        export.bind(new Application(CURRENT).metrics);
        log.lines.clear();
        export.reportIfUnboundAfter(Duration.ofMillis(1));
        Thread.sleep(300);
        assertEquals(List.of(), log.lines);
    }

    private static void session(EndpointMeters endpoint, int code, Initiator initiator) {
        endpoint.opened();
        endpoint.closed(code, initiator, SESSION_NANOS, true, "none");
    }

    /**
     * An application's own Micrometer and Prometheus registry: those this test runs with ({@value #CURRENT}), or
     * Micrometer 1.10's ({@value #OLDEST}, on the Prometheus simple client).
     */
    private final class Application {
        final URLClassLoader loader;
        final Class<?> metrics;
        Object prometheus;

        Application(String micrometer) throws Exception {
            List<URL> jars = new ArrayList<>();
            File[] files = micrometer.equals(CURRENT)
                    ? Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator)).map(File::new)
                            .toArray(File[]::new)
                    : new File(System.getProperty("closewatch.test.oldestMicrometer")).listFiles();
            for (File file : files) {
                String name = file.getName();
                if (name.startsWith("micrometer-") || name.startsWith("prometheus-metrics-")
                        || name.startsWith("simpleclient") || name.startsWith("HdrHistogram")
                        || name.startsWith("LatencyUtils")) {
                    jars.add(file.toURI().toURL());
                }
            }
            loader = new URLClassLoader("application", jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            applications.add(loader);
            metrics = Class.forName(io.micrometer.core.instrument.Metrics.class.getName(), true, loader);
            assertTrue(metrics != io.micrometer.core.instrument.Metrics.class, "a Micrometer of its own");
            assertTrue(micrometer.equals(CURRENT) || version().startsWith(micrometer + "."), version());
        }

        String version() {
            String version = metrics.getPackage().getImplementationVersion();
            return version == null ? "unknown" : version;
        }

        void addPrometheusRegistry() throws Exception {
            // Micrometer 1.13 moved its Prometheus registry to the Prometheus client 1.x, in a new package.
            String registryPackage = loader.getResource("io/micrometer/prometheusmetrics/") != null
                    ? "io.micrometer.prometheusmetrics." : "io.micrometer.prometheus.";
            Class<?> config = loader.loadClass(registryPackage + "PrometheusConfig");
            prometheus = loader.loadClass(registryPackage + "PrometheusMeterRegistry")
                    .getConstructor(config).newInstance(config.getField("DEFAULT").get(null));
            metrics.getMethod("addRegistry", loader.loadClass("io.micrometer.core.instrument.MeterRegistry"))
                    .invoke(null, prometheus);
        }

        /** Each sample line of the application's scrape: series to value. */
        Map<String, Double> scrape() throws Exception {
            String text = (String) prometheus.getClass().getMethod("scrape").invoke(prometheus);
            Map<String, Double> samples = new TreeMap<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int split = line.lastIndexOf(' ');
                    // The Prometheus simple client (Micrometer 1.10) ends every label set with a comma.
                    samples.put(line.substring(0, split).replace(",}", "}"),
                            Double.parseDouble(line.substring(split + 1)));
                }
            }
            return samples;
        }
    }
}
