package io.closewatch.agent.export;

import io.closewatch.agent.export.HostMicrometer.MeterDescription;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.cumulative.CumulativeTimer;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.slf4j.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * {@code export=host}: the agent's meters, each mirrored into the application's own Micrometer
 * ({@code Metrics.globalRegistry}, which Spring Boot's registries join) once the application has loaded it
 * ({@link #bind}), so that {@code /actuator/prometheus} shows them under the same names and labels. Counters and
 * gauges are mirrored as function meters reading the agent's values: their counts are exact whenever the application
 * creates its registries, before or after the first close. A timer has no such form, so the session-duration histogram
 * is recorded into the application's timer as sessions end, and a registry of the application's counts the sessions
 * that end once it has joined the global one.
 */
public final class HostMeterRegistry extends SimpleMeterRegistry {
    /** The {@code closewatch_agent_errors_total} reason of a failure to mirror or record into the application's. */
    public static final String FAILED = "host_export";

    private final Logger log;
    private volatile BiConsumer<String, Throwable> failures = (reason, error) -> { };
    private volatile Consumer<String> counted = reason -> { };
    private final Object lock = new Object();
    /** Every meter of this registry, to mirror when the application's Micrometer comes; guarded by {@link #lock}. */
    private final List<Meter> meters = new ArrayList<>();
    /** Guarded by {@link #lock}. */
    private HostMicrometer host;

    public HostMeterRegistry(Logger log) {
        super(SimpleConfig.DEFAULT, Clock.SYSTEM);
        this.log = log;
        config().onMeterAdded(this::added);
    }

    /**
     * From now on, each failure inside the export is told with its reason ({@value #FAILED}).
     *
     * @param failures counts and logs (once per reason) a failure
     * @param counted  counts a failure this class names in a line of its own
     */
    void reportFailuresTo(BiConsumer<String, Throwable> failures, Consumer<String> counted) {
        this.failures = failures;
        this.counted = counted;
    }

    /**
     * The application's Micrometer is initialized: mirror every meter into its global registry, now and from now on.
     * The first Micrometer wins; another one (a second application in the same JVM) is named once and left alone.
     *
     * @param metrics the application's {@code io.micrometer.core.instrument.Metrics}
     */
    public void bind(Class<?> metrics) {
        synchronized (lock) {
            if (host != null) {
                // Told once per Micrometer, as each initializes once; no reference is kept to its class loader.
                log.info("Closewatch exports to the first Micrometer this JVM loaded; the one in {} does not get "
                        + "its meters", metrics.getClassLoader());
                return;
            }
            try {
                host = HostMicrometer.of(metrics);
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                counted.accept(FAILED);
                log.error("Closewatch cannot export to the application's Micrometer in {} ({}); it needs Micrometer "
                        + "1.10 or later. Closes are still counted", metrics.getClassLoader(), e.toString());
                return;
            }
            for (Meter meter : meters) {
                mirror(meter);
            }
        }
        log.info("Closewatch's meters are now in the application's Micrometer {} (Metrics.globalRegistry)",
                host.version());
    }

    /** Whether the application's Micrometer was found. */
    public boolean bound() {
        synchronized (lock) {
            return host != null;
        }
    }

    /**
     * Names the problem once if the application has not loaded Micrometer within {@code wait}: its closes are counted
     * but shown nowhere. A daemon thread that ends then.
     */
    public void reportIfUnboundAfter(Duration wait) {
        Thread watch = new Thread(() -> {
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            if (!bound()) {
                log.warn("Closewatch exports to the application's Micrometer (export=host), but after {} s the "
                        + "application has loaded none (io.micrometer.core.instrument.Metrics, 1.10 or later): "
                        + "closes are counted and shown nowhere. Add Micrometer, or set export=prometheus",
                        wait.toSeconds());
            }
        }, "closewatch-host-export");
        watch.setDaemon(true);
        watch.start();
    }

    @Override
    protected Timer newTimer(Meter.Id id, DistributionStatisticConfig distributionStatisticConfig,
                             PauseDetector pauseDetector) {
        return new ForwardingTimer(id, clock, distributionStatisticConfig.merge(defaultHistogramConfig()),
                pauseDetector);
    }

    private void added(Meter meter) {
        synchronized (lock) {
            meters.add(meter);
            if (host != null) {
                mirror(meter);
            }
        }
    }

    private void mirror(Meter meter) {
        try {
            MeterDescription description = describe(meter.getId());
            if (meter instanceof Counter counter) {
                host.functionCounter(description, counter, Counter::count);
            } else if (meter instanceof Gauge gauge) {
                host.gauge(description, gauge, Gauge::value);
            } else if (meter instanceof ForwardingTimer timer) {
                timer.forwardTo(host, host.timer(description, timer.serviceLevelObjectives()));
            }
        } catch (Throwable t) {
            failures.accept(FAILED, t);
        }
    }

    private static MeterDescription describe(Meter.Id id) {
        List<Tag> tags = id.getTags();
        String[] keyValues = new String[tags.size() * 2];
        for (int i = 0; i < tags.size(); i++) {
            keyValues[2 * i] = tags.get(i).getKey();
            keyValues[2 * i + 1] = tags.get(i).getValue();
        }
        return new MeterDescription(id.getName(), keyValues, id.getDescription(), id.getBaseUnit());
    }

    /** A timer that also records into the application's timer of the same name and labels, once there is one. */
    private final class ForwardingTimer extends CumulativeTimer {
        private final DistributionStatisticConfig distribution;
        private volatile HostMicrometer forwardHost;
        private volatile Object forwardTimer;

        ForwardingTimer(Id id, Clock clock, DistributionStatisticConfig distribution, PauseDetector pauseDetector) {
            super(id, clock, distribution, pauseDetector, TimeUnit.SECONDS, false);
            this.distribution = distribution;
        }

        Duration[] serviceLevelObjectives() {
            double[] nanos = distribution.getServiceLevelObjectiveBoundaries();
            Duration[] bounds = new Duration[nanos == null ? 0 : nanos.length];
            for (int i = 0; i < bounds.length; i++) {
                bounds[i] = Duration.ofNanos((long) nanos[i]);
            }
            return bounds;
        }

        void forwardTo(HostMicrometer micrometer, Object timer) {
            forwardTimer = timer;
            forwardHost = micrometer;
        }

        @Override
        protected void recordNonNegative(long amount, TimeUnit unit) {
            super.recordNonNegative(amount, unit);
            HostMicrometer micrometer = forwardHost;
            if (micrometer != null) {
                try {
                    micrometer.record(forwardTimer, unit.toNanos(amount));
                } catch (Throwable t) {
                    failures.accept(FAILED, t);
                }
            }
        }
    }
}
