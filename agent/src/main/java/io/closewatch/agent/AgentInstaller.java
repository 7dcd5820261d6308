package io.closewatch.agent;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.config.AgentConfig;
import io.closewatch.agent.config.HostDefaults;
import io.closewatch.agent.http.EndpointSecurity;
import io.closewatch.agent.http.MetricsHttpServer;
import io.closewatch.agent.instrumentation.ClassFilePreFilter;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.LongLivedLoaderPoolStrategy;
import io.closewatch.agent.instrumentation.jdk.JdkWebSocketInstrumentation;
import io.closewatch.agent.instrumentation.jetty.JettyWebSocketInstrumentation;
import io.closewatch.agent.instrumentation.spring.SpringWebSocketInstrumentation;
import io.closewatch.agent.instrumentation.websocket.WebSocketApiInstrumentation;
import io.closewatch.agent.metrics.CloseMeters;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isExtensionClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.not;

/** Wires configuration, meters, the bridge, the instrumentation and the metrics endpoint together. */
final class AgentInstaller {
    private static final Logger LOG = LoggerFactory.getLogger("io.closewatch.agent");
    private static final InstrumentationModule[] MODULES = {
        WebSocketApiInstrumentation.jakarta(),
        WebSocketApiInstrumentation.javax(),
        new JettyWebSocketInstrumentation(),
        new SpringWebSocketInstrumentation(),
        new JdkWebSocketInstrumentation(),
    };

    private AgentInstaller() {
    }

    /**
     * @param bridgeUnavailable why the bridge could not be put into the bootstrap loader, or null when it was; without
     *                          it instrumented code could not reach the agent, so nothing is instrumented
     * @param attached          whether the JVM was already running: only then can classes to instrument be loaded
     *                          already, and only then is it worth going through every loaded class
     */
    static void install(String agentArgs, Instrumentation instrumentation, Throwable bridgeUnavailable,
                        boolean attached) {
        if (bridgeUnavailable == null && CloseWatchBridge.isInstalled()) {
            LOG.warn("Closewatch is already running in this JVM; ignoring the second start");
            return;
        }
        AgentConfig config = AgentConfig.resolve(agentArgs, System.getProperties(), System.getenv(),
                HostDefaults.detect(System.getProperty("sun.java.command"), ClassLoader.getSystemClassLoader()),
                LOG::warn);
        String version = agentVersion();
        PrometheusMeterRegistry registry = CloseMeters.newRegistry();
        AgentErrors errors = new AgentErrors(registry, LOG);
        CloseMeters meters = new CloseMeters(registry, config.application(), config.release(), version,
                config.maxCodes(), config.maxEndpoints());
        if (bridgeUnavailable != null) {
            errors.failed("bridge_unavailable", bridgeUnavailable);
            startEndpoint(config, registry, version, "nothing (its bootstrap bridge is unavailable)");
            return;
        }
        CloseWatchBridge.install(ThrowingEvents.wrapIfInjected(new CloseRecorder(meters, errors, System::nanoTime)));

        AgentBuilder builder = new AgentBuilder.Default()
                .disableClassFormatChanges()
                // Only an agent attached to a running JVM can find classes to instrument already loaded.
                .with(attached ? AgentBuilder.RedefinitionStrategy.RETRANSFORMATION
                        : AgentBuilder.RedefinitionStrategy.DISABLED)
                .with(new LongLivedLoaderPoolStrategy())
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
                .with(new TransformFailures(errors))
                // The JDK's own classes are skipped, but for the one package of the JDK WebSocket client.
                .ignore(not(nameStartsWith(JdkWebSocketInstrumentation.PACKAGE)),
                        isBootstrapClassLoader().or(isExtensionClassLoader()))
                .or(nameStartsWith("net.bytebuddy.").or(nameStartsWith("io.closewatch.agent."))
                        .or(nameStartsWith("jdk.internal.reflect.")).or(nameContains("$$Lambda")).or(isSynthetic()))
                .assureReadEdgeTo(instrumentation, CloseWatchBridge.class);
        List<String> names = new ArrayList<>();
        List<String> classFileNames = new ArrayList<>();
        for (InstrumentationModule module : MODULES) {
            builder = module.extend(builder, AgentInstaller.class.getClassLoader());
            names.add(module.name());
            classFileNames.addAll(List.of(module.classFileNames()));
        }
        builder = builder.with(ClassFilePreFilter.forNames(classFileNames.toArray(new String[0])));
        builder.installOn(instrumentation);

        startEndpoint(config, registry, version, String.join(", ", names));
    }

    /**
     * Binding happens off the host's start-up path, and a failure to bind costs the host nothing. A half or wrong
     * security setting serves nothing rather than serving unprotected.
     */
    private static void startEndpoint(AgentConfig config, PrometheusMeterRegistry registry, String version,
                                      String instrumented) {
        Thread starter = new Thread(() -> {
            String where = config.host() + ":" + config.port();
            try {
                EndpointSecurity security = EndpointSecurity.of(config.endpointSecurity(AgentConfig.AUTH_USERNAME),
                        config.endpointSecurity(AgentConfig.AUTH_PASSWORD),
                        config.endpointSecurity(AgentConfig.TLS_KEYSTORE),
                        config.endpointSecurity(AgentConfig.TLS_KEYSTORE_PASSWORD));
                MetricsHttpServer server = MetricsHttpServer.start(config.host(), config.port(), registry, security);
                LOG.info("Closewatch {} instruments {}; metrics at {}://{}:{}/metrics (application={}, release={})",
                        version, instrumented, security.usesTls() ? "https" : "http", config.host(), server.port(),
                        config.application(), config.release());
            } catch (IOException | RuntimeException e) {
                LOG.error("Closewatch {} instruments {}, but cannot serve metrics on {} ({}); closes are still "
                        + "counted and the application is unaffected", version, instrumented, where, e.getMessage());
            }
        }, "closewatch-start");
        starter.setDaemon(true);
        starter.start();
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

    /** A type the agent failed to instrument is counted and logged once; its class loads unchanged. */
    private static final class TransformFailures extends AgentBuilder.Listener.Adapter {
        private final AgentErrors errors;
        private final Set<String> seen = ConcurrentHashMap.newKeySet();

        TransformFailures(AgentErrors errors) {
            this.errors = errors;
        }

        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            if (seen.add(typeName)) {
                errors.failed("instrumentation", throwable);
            }
        }

        @Override
        public void onTransformation(TypeDescription typeDescription, ClassLoader classLoader, JavaModule module,
                                     boolean loaded, DynamicType dynamicType) {
            LOG.debug("Closewatch instrumented {}", typeDescription.getName());
        }
    }
}
