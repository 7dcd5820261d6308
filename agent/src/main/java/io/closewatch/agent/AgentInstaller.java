package io.closewatch.agent;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.config.AgentConfig;
import io.closewatch.agent.config.HostDefaults;
import io.closewatch.agent.http.EndpointSecurity;
import io.closewatch.agent.http.MetricsHttpServer;
import io.closewatch.agent.instrumentation.DeferredTransformer;
import io.closewatch.agent.instrumentation.StackWatcher;
import io.closewatch.agent.metrics.CloseMeters;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.time.Duration;
import java.util.Properties;

/**
 * Wires configuration, meters, the bridge, the instrumentation and the metrics endpoint together. On the host's
 * start-up path it only parses the configuration (so that a mistake in it is reported even if the host exits at
 * once) and registers the {@link DeferredTransformer}; everything heavy (logging, meters, Byte Buddy, the HTTP
 * server) happens on the daemon thread {@value #THREAD}, while the host starts.
 */
final class AgentInstaller {
    static final String THREAD = "closewatch-start";

    private AgentInstaller() {
    }

    /**
     * @param bridgeUnavailable why the bridge could not be put into the bootstrap loader, or null when it was; without
     *                          it instrumented code could not reach the agent, so nothing is instrumented
     * @param attached          whether the JVM was already running: then classes to instrument may be loaded
     *                          already, and Byte Buddy must retransform them
     */
    static void install(String agentArgs, Instrumentation instrumentation, Throwable bridgeUnavailable,
                        boolean attached) {
        boolean secondStart = bridgeUnavailable == null && !CloseWatchBridge.claim();
        AgentConfig config = secondStart ? null : AgentConfig.resolve(agentArgs, System.getProperties(),
                System.getenv(), AgentInstaller::reportNow);
        boolean instruments = !secondStart && bridgeUnavailable == null;
        DeferredTransformer deferred = instruments && !attached
                ? new DeferredTransformer(HookInstaller.classFileNames()) : null;
        StackWatcher stacks = instruments ? new StackWatcher() : null;
        Thread starter = new Thread(() -> start(config, instrumentation, bridgeUnavailable, secondStart,
                deferred, stacks), THREAD);
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

    /**
     * A configuration problem, on standard error at once and in the logger's format: the logger itself is not for
     * the host's start-up path.
     */
    private static void reportNow(String problem) {
        System.err.println("[" + Thread.currentThread().getName() + "] WARN io.closewatch.agent - " + problem);
    }

    private static void start(AgentConfig parsed, Instrumentation instrumentation, Throwable bridgeUnavailable,
                              boolean secondStart, DeferredTransformer deferred, StackWatcher stacks) {
        try {
            Logger log = LoggerFactory.getLogger("io.closewatch.agent");
            if (secondStart) {
                log.warn("Closewatch is already running in this JVM; ignoring the second start");
                return;
            }
            AgentConfig config = parsed.withHostDefaults(
                    HostDefaults.detect(System.getProperty("sun.java.command"), ClassLoader.getSystemClassLoader()));
            String version = agentVersion();
            PrometheusMeterRegistry registry = CloseMeters.newRegistry(config.application(), config.release());
            AgentErrors errors = new AgentErrors(registry, log);
            CloseMeters meters = new CloseMeters(registry, version, config.maxCodes(), config.maxEndpoints());
            String started;
            if (bridgeUnavailable != null) {
                errors.failed("bridge_unavailable", bridgeUnavailable);
                started = "instruments nothing (its bootstrap bridge is unavailable)";
            } else {
                CloseWatchBridge.install(ThrowingEvents.wrapIfInjected(new CloseRecorder(meters, errors,
                        System::nanoTime)));
                StackReporter reporter = new StackReporter(meters, errors, log, HookInstaller.MODULES);
                HookInstaller.install(instrumentation, deferred, reporter);
                stacks.reportTo(reporter);
                if (deferred == null) {
                    stacks.sawLoaded(instrumentation.getAllLoadedClasses()); // attached: the host runs already
                }
                started = "started; it names each WebSocket stack the application loads, counted or not";
            }
            serve(log, config, registry, version, started);
        } catch (Throwable t) {
            if (deferred != null) {
                deferred.passEverything();
            }
            // The host runs on regardless; without a logger for sure, stderr is the one place left.
            System.err.println("[closewatch] The agent could not start and is disabled; the application runs "
                    + "unaffected: " + t);
        }
    }

    /** A failure to bind costs the host nothing. A half or wrong security setting serves nothing, not unprotected. */
    private static void serve(Logger log, AgentConfig config, PrometheusMeterRegistry registry, String version,
                              String started) {
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

    private static String agentVersion() {
        try (InputStream in = AgentInstaller.class.getResourceAsStream("closewatch.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
