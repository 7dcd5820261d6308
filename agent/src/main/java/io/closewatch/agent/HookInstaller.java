package io.closewatch.agent;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.instrumentation.ClassFileNames;
import io.closewatch.agent.instrumentation.DeferredTransformer;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.LongLivedLoaderPoolStrategy;
import io.closewatch.agent.instrumentation.PreFilteredTransformer;
import io.closewatch.agent.instrumentation.jdk.JdkWebSocketInstrumentation;
import io.closewatch.agent.instrumentation.jetty.JettyWebSocketInstrumentation;
import io.closewatch.agent.instrumentation.spring.SpringWebSocketInstrumentation;
import io.closewatch.agent.instrumentation.tomcat.TomcatWebSocketInstrumentation;
import io.closewatch.agent.instrumentation.websocket.WebSocketApiInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isExtensionClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;

/**
 * Builds Byte Buddy's transformer from the {@link #MODULES} and puts it to work: behind the {@link DeferredTransformer}
 * registered in {@code premain}, or, for an agent attached to a running JVM, installed by Byte Buddy itself so that
 * it retransforms the classes already loaded. A new instrumented stack is one more line in {@link #MODULES}.
 */
final class HookInstaller {
    static final List<InstrumentationModule> MODULES = List.of(
        WebSocketApiInstrumentation.jakarta(),
        WebSocketApiInstrumentation.javax(),
        TomcatWebSocketInstrumentation.jakarta(),
        TomcatWebSocketInstrumentation.javax(),
        new JettyWebSocketInstrumentation(),
        new SpringWebSocketInstrumentation(),
        new JdkWebSocketInstrumentation()
    );

    private HookInstaller() {
    }

    /** The names the class file of every instrumented type contains, over all modules. */
    static ClassFileNames classFileNames() {
        List<String> names = new ArrayList<>();
        for (InstrumentationModule module : MODULES) {
            names.addAll(List.of(module.classFileNames()));
        }
        return new ClassFileNames(names);
    }

    /**
     * @param deferred the transformer {@code premain} registered, or null when attached to a running JVM
     * @return what is instrumented, for the start-up log line
     */
    static String install(Instrumentation instrumentation, DeferredTransformer deferred, AgentErrors errors) {
        AgentBuilder builder = builder(MODULES, new TransformFailures(errors))
                .assureReadEdgeTo(instrumentation, CloseWatchBridge.class);
        if (deferred != null) {
            deferred.delegateTo(builder.makeRaw());
        } else {
            // Only an agent attached to a running JVM can find classes to instrument already loaded.
            builder.with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                    .with(PreFilteredTransformer.decorator(classFileNames()))
                    .installOn(instrumentation);
        }
        List<String> names = new ArrayList<>();
        for (InstrumentationModule module : MODULES) {
            names.add(module.name());
        }
        return String.join(", ", names);
    }

    /**
     * Byte Buddy's agent builder with the hooks of {@code modules}, as the agent installs it (less the bridge's read
     * edge, which needs the JVM's {@link Instrumentation}): also what the advice tests transform their types with.
     */
    static AgentBuilder builder(List<InstrumentationModule> modules, AgentBuilder.Listener listener) {
        // The advice changes no class format, so Byte Buddy's Nexus (for initialising generated fields) is never
        // used, yet building it injects a class into the application loader and generates an accessor inside
        // java.base, a fifth of a second on the host's start-up. The property is the relocated copy's own.
        if (System.getProperty(Nexus.PROPERTY) == null) {
            System.setProperty(Nexus.PROPERTY, "true");
        }
        ElementMatcher.Junction<TypeDescription> hookedJdkTypes = none();
        for (InstrumentationModule module : modules) {
            for (String jdkPackage : module.jdkPackages()) {
                hookedJdkTypes = hookedJdkTypes.or(nameStartsWith(jdkPackage));
            }
        }
        AgentBuilder builder = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(new LongLivedLoaderPoolStrategy())
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
                .with(listener)
                // The JDK's own classes are skipped, but for the packages a module hooks.
                .ignore(not(hookedJdkTypes), isBootstrapClassLoader().or(isExtensionClassLoader()))
                .or(nameStartsWith("net.bytebuddy.").or(nameStartsWith("io.closewatch.agent."))
                        .or(nameStartsWith("jdk.internal.reflect.")).or(nameContains("$$Lambda")).or(isSynthetic()));
        for (InstrumentationModule module : modules) {
            builder = module.extend(builder, HookInstaller.class.getClassLoader());
        }
        return builder;
    }

    /** A type the agent failed to instrument is counted and logged once; its class loads unchanged. */
    private static final class TransformFailures extends AgentBuilder.Listener.Adapter {
        private static final Logger LOG = LoggerFactory.getLogger("io.closewatch.agent");
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
