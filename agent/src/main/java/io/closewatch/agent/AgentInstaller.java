package io.closewatch.agent;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.config.AgentConfig.Export;
import io.closewatch.agent.config.AgentConfig;
import io.closewatch.agent.config.HostDefaults;
import io.closewatch.agent.export.HostMeterRegistry;
import io.closewatch.agent.export.MeterExports;
import io.closewatch.agent.http.EndpointSecurity;
import io.closewatch.agent.http.MetricsHttpServer;
import io.closewatch.agent.instrumentation.micrometer.MicrometerHooks;
import io.closewatch.agent.metrics.CloseMeters;
import io.closewatch.agent.recording.AgentErrors;
import io.closewatch.agent.recording.CloseRecorder;
import io.closewatch.agent.recording.PendingEvents;
import io.closewatch.agent.recording.PendingOutcome;
import io.closewatch.agent.recording.StackReporter;
import io.closewatch.agent.startup.InjectedEvents;
import io.closewatch.agent.weaving.ClassDump;
import io.closewatch.agent.weaving.DeferredTransformer;
import io.closewatch.agent.weaving.StackWatcher;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Wires configuration, meters and their exports, the bridge, the instrumentation and the metrics endpoint together. On
 * the host's start-up path it only parses the configuration (so that a mistake in it is reported even if the host exits
 * at once) and registers the {@link DeferredTransformer}; the rest (the weaver, logging, the HTTP server, and the
 * meters once they are needed: {@link #startLazily}) happens on the daemon thread {@value #THREAD}.
 */
final class AgentInstaller {
    static final String THREAD = "closewatch-start";
    /** How long an application with {@code export=host} has to load Micrometer before the agent says it has none. */
    private static final Duration HOST_MICROMETER_WAIT = Duration.ofSeconds(60);
    /** How long after the host's start an agent builds its meters if nothing needed them (see {@link #startLazily}). */
    private static final Duration BUILD_DELAY = Duration.ofSeconds(10);
    /** Never reached in practice (building takes a fraction of a second); a bound for a scrape left waiting. */
    private static final Duration REGISTRY_WAIT = Duration.ofSeconds(30);
    private static final String STARTED =
            "started; it names each WebSocket stack the application loads, counted or not";

    private AgentInstaller() {
    }

    /**
     * @param config            as parsed on the host's start-up path; enabled
     * @param bridgeUnavailable why the bridge could not be put into the bootstrap loader, or null when it was; without
     *                          it instrumented code could not reach the agent, so nothing is instrumented
     * @param attached          whether the JVM was already running: then classes to instrument may be loaded
     *                          already, and Byte Buddy must retransform them
     */
    static void install(AgentConfig config, Instrumentation instrumentation, Throwable bridgeUnavailable,
                        boolean attached) {
        boolean secondStart = bridgeUnavailable == null && !CloseWatchBridge.claim();
        boolean instruments = !secondStart && bridgeUnavailable == null;
        Set<String> disabledStacks = secondStart ? Set.of()
                : HookInstaller.disabledStacks(config.switches(), new Consumer<String>() {
                    @Override
                    public void accept(String problem) {
                        EarlyLines.warn(problem);
                    }
                });
        ClassDump dump = instruments ? classDump(config.switches().debugDump()) : null;
        DeferredTransformer deferred = instruments && !attached
                ? new DeferredTransformer(HookInstaller.classFileNames(config.exportsTo(Export.HOST)),
                        HookInstaller.hookedJdkPackages()) : null;
        StackWatcher stacks = instruments ? new StackWatcher() : null;
        Thread starter = new Thread(new Runnable() {
            @Override
            public void run() {
                start(config, instrumentation, bridgeUnavailable, secondStart, new Weaving(deferred, stacks,
                        disabledStacks, dump));
            }
        }, THREAD);
        starter.setDaemon(true);
        if (stacks != null) {
            instrumentation.addTransformer(stacks);
        }
        if (deferred != null) {
            deferred.builtOn(starter);
            // Registered before the host's main method runs, so that no class to instrument can be missed.
            instrumentation.addTransformer(deferred);
        }
        starter.start();
    }

    /** What the start thread needs to put the hooks to work. */
    private record Weaving(DeferredTransformer deferred, StackWatcher stacks, Set<String> disabledStacks,
                           ClassDump dump) {
    }

    private static ClassDump classDump(String directory) {
        if (directory == null) {
            return null;
        }
        try {
            return new ClassDump(Path.of(directory));
        } catch (InvalidPathException e) {
            EarlyLines.warn("Closewatch: debug.dump '" + directory + "' is no path (" + e.getMessage()
                    + "); dumping nothing");
            return null;
        }
    }

    private static void start(AgentConfig parsed, Instrumentation instrumentation, Throwable bridgeUnavailable,
                              boolean secondStart, Weaving weaving) {
        DeferredTransformer deferred = weaving.deferred();
        StackWatcher stacks = weaving.stacks();
        try {
            Logger log = LoggerFactory.getLogger("io.closewatch.agent");
            if (secondStart) {
                log.warn("Closewatch is already running in this JVM; ignoring the second start");
                return;
            }
            AgentConfig config = parsed.withHostDefaults(
                    HostDefaults.detect(System.getProperty("sun.java.command"), ClassLoader.getSystemClassLoader()));
            String version = EarlyLines.agentVersion();
            if (deferred != null && bridgeUnavailable == null && config.exports().equals(Set.of(Export.PROMETHEUS))) {
                startLazily(config, version, log, instrumentation, weaving);
                return;
            }
            Counting counting = Counting.build(config, version, log);
            MeterExports exports = counting.exports();
            AgentErrors errors = counting.errors();
            exports.start(errors::failed, errors::count);
            String started;
            if (bridgeUnavailable != null) {
                errors.failed("bridge_unavailable", bridgeUnavailable);
                started = "instruments nothing (its bootstrap bridge is unavailable)";
            } else {
                CloseWatchBridge.install(InjectedEvents.wrapIfInjected(counting.recorder(System::nanoTime)));
                StackReporter reporter = counting.reporter(log, weaving.disabledStacks());
                HostMeterRegistry host = exports.host();
                if (host != null) {
                    CloseWatchBridge.onMicrometer(host::bind);
                }
                HookInstaller.install(instrumentation, deferred, host != null, weaving.disabledStacks(),
                        weaving.dump(), reporter);
                stacks.reportTo(reporter);
                if (deferred == null) {
                    Class<?>[] loaded = instrumentation.getAllLoadedClasses(); // attached: the host runs already
                    stacks.sawLoaded(loaded);
                    if (host != null) {
                        bindLoadedMicrometer(host, loaded);
                    }
                }
                if (host != null) {
                    host.reportIfUnboundAfter(HOST_MICROMETER_WAIT);
                }
                started = STARTED;
            }
            report(log, config, exports, version, started);
        } catch (Throwable t) {
            if (deferred != null) {
                deferred.passEverything();
            }
            // The host runs on regardless; without a logger for sure, stderr is the one place left.
            System.err.println("[closewatch] The agent could not start and is disabled; the application runs "
                    + "unaffected: " + t);
        }
    }

    /**
     * An agent started with the JVM that serves only its own endpoint builds its meters when they are first needed (a
     * scrape, or {@value PendingEvents#MANY} events waiting) or {@link #BUILD_DELAY} after the host started, not while
     * the host starts: they are the bulk of the agent's start-up work, and on two cores they slow the host's. Nothing
     * can read them earlier: the endpoint is their only export. Until then the weaver hooks classes as they load, the
     * bridge keeps the events ({@link PendingEvents}) and the endpoint is bound, its first scrape waiting for the
     * meters. (With {@code export=host} or {@code otlp} they are built at once: the application's Micrometer and the
     * OTLP receiver expect them from the start.)
     */
    private static void startLazily(AgentConfig config, String version, Logger log, Instrumentation instrumentation,
                                    Weaving weaving) throws InterruptedException {
        CountDownLatch needed = new CountDownLatch(1);
        CompletableFuture<PrometheusMeterRegistry> built = new CompletableFuture<>();
        PendingEvents events = new PendingEvents(needed::countDown);
        CloseWatchBridge.install(InjectedEvents.wrapIfInjected(events));
        PendingOutcome outcome = new PendingOutcome();
        HookInstaller.install(instrumentation, weaving.deferred(), false, weaving.disabledStacks(), weaving.dump(),
                outcome);
        serve(log, config, new Supplier<>() {
            @Override
            public PrometheusMeterRegistry get() {
                needed.countDown();
                try {
                    return built.get(REGISTRY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                } catch (ExecutionException | TimeoutException e) {
                    return null;
                }
            }
        }, version, STARTED);
        needed.await(BUILD_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        try {
            Counting counting = Counting.build(config, version, log);
            events.replayInto(counting.recorder(events.clock()));
            StackReporter reporter = counting.reporter(log, weaving.disabledStacks());
            outcome.reportTo(reporter);
            weaving.stacks().reportTo(reporter);
            built.complete(counting.exports().prometheus());
        } catch (Throwable t) {
            events.drop();
            built.complete(null);
            log.error("Closewatch cannot count closes: its meters could not be built ({}); the application is "
                    + "unaffected", t.toString());
        }
    }

    /** The meters, their exports and the agent's errors: what both start paths build, one at once, one lazily. */
    private record Counting(MeterExports exports, AgentErrors errors, CloseMeters meters) {
        static Counting build(AgentConfig config, String version, Logger log) {
            MeterExports exports = MeterExports.create(config, log);
            return new Counting(exports, new AgentErrors(exports.registry(), log), new CloseMeters(exports.registry(),
                    version, config.maxCodes(), config.maxEndpoints(), config.maxCauses()));
        }

        CloseRecorder recorder(LongSupplier nanoClock) {
            return new CloseRecorder(meters, errors, nanoClock);
        }

        StackReporter reporter(Logger log, Set<String> disabledStacks) {
            return new StackReporter(meters, errors, log, HookInstaller.modulesAtWork(disabledStacks),
                    disabledStacks);
        }
    }

    /** Attached to a running JVM: the application's Micrometer may be initialized already, its hook never to run. */
    private static void bindLoadedMicrometer(HostMeterRegistry host, Class<?>[] loaded) {
        for (Class<?> type : loaded) {
            if (type.getName().equals(MicrometerHooks.METRICS_CLASS)) {
                host.bind(type);
            }
        }
    }

    /** Says where the meters go, serving the agent's endpoint if that is one of the exports. */
    private static void report(Logger log, AgentConfig config, MeterExports exports, String version,
                               String started) {
        List<String> elsewhere = new ArrayList<>();
        if (config.exportsTo(Export.HOST)) {
            elsewhere.add("into the application's Micrometer registry once it loads Micrometer");
        }
        if (config.exportsTo(Export.OTLP)) {
            elsewhere.add("by OTLP to " + config.otlp().url() + " every " + config.otlp().stepSeconds() + " s");
        }
        PrometheusMeterRegistry prometheus = exports.prometheus();
        if (prometheus != null) {
            serve(log, config, new Supplier<>() {
                @Override
                public PrometheusMeterRegistry get() {
                    return prometheus;
                }
            }, version, started
                    + (elsewhere.isEmpty() ? "" : "; metrics also go " + String.join(" and ", elsewhere)));
        } else {
            log.info("Closewatch {} {}; metrics go {}; no port is opened (application={}, release={})", version,
                    started, String.join(" and ", elsewhere), config.application(), config.release());
        }
    }

    /** A failure to bind costs the host nothing. A half or wrong security setting serves nothing, not unprotected. */
    private static void serve(Logger log, AgentConfig config, Supplier<PrometheusMeterRegistry> registry,
                              String version, String started) {
        String where = config.host() + ":" + config.port();
        try {
            EndpointSecurity security = EndpointSecurity.of(config.endpointSecurity(AgentConfig.AUTH_USERNAME),
                    config.endpointSecurity(AgentConfig.AUTH_PASSWORD),
                    config.endpointSecurity(AgentConfig.TLS_KEYSTORE),
                    config.endpointSecurity(AgentConfig.TLS_KEYSTORE_PASSWORD));
            MetricsHttpServer server = MetricsHttpServer.start(config.host(), config.port(), registry, security,
                    Duration.ofSeconds(config.requestTimeoutSeconds()));
            log.info("Closewatch {} {}; metrics at {}://{}:{}/metrics (application={}, release={})",
                    version, started, security.usesTls() ? "https" : "http", config.host(), server.port(),
                    config.application(), config.release());
        } catch (IOException | RuntimeException e) {
            log.error("Closewatch {} {}, but cannot serve metrics on {} ({}); closes are still counted and the "
                    + "application is unaffected", version, started, where, e.getMessage());
        }
    }

}
