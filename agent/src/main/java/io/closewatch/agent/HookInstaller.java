package io.closewatch.agent;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.instrumentation.ClassFileNames;
import io.closewatch.agent.instrumentation.DeferredTransformer;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.LongLivedLoaderPoolStrategy;
import io.closewatch.agent.instrumentation.PreFilteredTransformer;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.javalin.JavalinInstrumentation;
import io.closewatch.agent.instrumentation.jdk.JdkWebSocketInstrumentation;
import io.closewatch.agent.instrumentation.jetty.JettyWebSocketInstrumentation;
import io.closewatch.agent.instrumentation.jettyapi.JettyApiInstrumentation;
import io.closewatch.agent.instrumentation.micrometer.MicrometerHooks;
import io.closewatch.agent.instrumentation.netty.NettyInstrumentation;
import io.closewatch.agent.instrumentation.okhttp.OkHttpInstrumentation;
import io.closewatch.agent.instrumentation.quarkus.QuarkusWebSocketsInstrumentation;
import io.closewatch.agent.instrumentation.reactornetty.ReactorNettyInstrumentation;
import io.closewatch.agent.instrumentation.spring.SpringWebSocketInstrumentation;
import io.closewatch.agent.instrumentation.tomcat.TomcatWebSocketInstrumentation;
import io.closewatch.agent.instrumentation.undertow.UndertowWebSocketInstrumentation;
import io.closewatch.agent.instrumentation.vertx.VertxInstrumentation;
import io.closewatch.agent.instrumentation.webflux.WebFluxInstrumentation;
import io.closewatch.agent.instrumentation.websocket.WebSocketApiInstrumentation;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;

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
        new JettyApiInstrumentation(),
        new JavalinInstrumentation(),
        new UndertowWebSocketInstrumentation(),
        new SpringWebSocketInstrumentation(),
        new OkHttpInstrumentation(),
        new VertxInstrumentation(),
        new QuarkusWebSocketsInstrumentation(),
        new ReactorNettyInstrumentation(),
        new NettyInstrumentation(),
        new WebFluxInstrumentation(),
        new JdkWebSocketInstrumentation()
    );

    private HookInstaller() {
    }

    /**
     * The names the class file of every instrumented type contains, over all modules.
     *
     * @param hostMicrometer whether the application's Micrometer is hooked too ({@code export=host})
     */
    static ClassFileNames classFileNames(boolean hostMicrometer) {
        List<String> names = new ArrayList<>();
        for (InstrumentationModule module : MODULES) {
            names.addAll(List.of(module.classFileNames()));
        }
        if (hostMicrometer) {
            names.addAll(List.of(MicrometerHooks.classFileNames()));
        }
        return new ClassFileNames(names);
    }

    /** The JDK packages some module hooks ({@link InstrumentationModule#jdkPackages}). */
    static List<String> hookedJdkPackages() {
        List<String> packages = new ArrayList<>();
        for (InstrumentationModule module : MODULES) {
            packages.addAll(List.of(module.jdkPackages()));
        }
        return packages;
    }

    /**
     * @param deferred       the transformer {@code premain} registered, or null when attached to a running JVM
     * @param hostMicrometer whether to hook the application's Micrometer too ({@code export=host})
     * @param outcome        told of every type hooked or failed
     */
    static void install(Instrumentation instrumentation, DeferredTransformer deferred, boolean hostMicrometer,
                        HookOutcome outcome) {
        List<TypeHooks> others = hostMicrometer
                ? List.of(MicrometerHooks.hooks(HookInstaller.class.getClassLoader())) : List.of();
        AgentBuilder builder = builder(MODULES, others, outcome)
                .assureReadEdgeTo(instrumentation, CloseWatchBridge.class);
        if (deferred != null) {
            deferred.delegateTo(builder.makeRaw());
        } else {
            // Only an agent attached to a running JVM can find classes to instrument already loaded.
            builder.with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                    .with(PreFilteredTransformer.decorator(classFileNames(hostMicrometer)))
                    .installOn(instrumentation);
        }
    }

    /** What becomes of each type a module's hooks matched. */
    interface HookOutcome {
        /** {@code module}'s advice ({@code hooks}) is now in {@code typeName}. */
        void hooked(InstrumentationModule module, TypeHooks hooks, String typeName);

        /** A hook could not be applied to {@code typeName} (a member it reads is missing, say): it loads unchanged. */
        void failed(String typeName, Throwable error);
    }

    /**
     * Byte Buddy's agent builder with the hooks of {@code modules}, as the agent installs it (less the bridge's read
     * edge, which needs the JVM's {@link Instrumentation}): also what the hook tests transform their types with.
     */
    static AgentBuilder builder(List<InstrumentationModule> modules, HookOutcome outcome) {
        return builder(modules, List.of(), outcome);
    }

    /** As {@link #builder(List, HookOutcome)}, with {@code others}: hooks that count no stack. */
    static AgentBuilder builder(List<InstrumentationModule> modules, List<TypeHooks> others, HookOutcome outcome) {
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
        Outcomes outcomes = new Outcomes(outcome);
        // Advice only goes into methods a type declares itself, so Byte Buddy need not compute each type's whole
        // method graph (every method of every super type); and the classes it writes are the host's own, already
        // valid, so they need no validation. Both are work on the host's threads as its classes load.
        ByteBuddy byteBuddy = new ByteBuddy().with(TypeValidation.DISABLED)
                .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE);
        AgentBuilder builder = new AgentBuilder.Default(byteBuddy)
                .disableClassFormatChanges()
                .with(new LongLivedLoaderPoolStrategy())
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
                .with(outcomes)
                // The JDK's own classes are skipped, but for the packages a module hooks.
                .ignore(not(hookedJdkTypes), isBootstrapClassLoader().or(isExtensionClassLoader()))
                .or(nameStartsWith("net.bytebuddy.").or(nameStartsWith("io.closewatch.agent."))
                        .or(nameStartsWith("jdk.internal.reflect.")).or(nameContains("$$Lambda")).or(isSynthetic()));
        for (InstrumentationModule module : modules) {
            for (TypeHooks hooks : module.hooks(HookInstaller.class.getClassLoader())) {
                builder = builder.type(hooks.types(), hooks.loaders())
                        .transform(hooks.advice())
                        .transform(outcomes.matchedBy(module, hooks));
            }
        }
        for (TypeHooks hooks : others) {
            builder = builder.type(hooks.types(), hooks.loaders()).transform(hooks.advice());
        }
        return builder;
    }

    /**
     * Tells the outcome which module hooked a type once Byte Buddy has made it: the modules that matched a type are
     * noted while it is transformed (on the loading thread), and reported when it is done or has failed.
     */
    private static final class Outcomes extends AgentBuilder.Listener.Adapter {
        private final HookOutcome outcome;
        private final ThreadLocal<List<Match>> matched = ThreadLocal.withInitial(ArrayList::new);

        /** A module's hooks matched the type being transformed on this thread. */
        private record Match(InstrumentationModule module, TypeHooks hooks) {
        }

        Outcomes(HookOutcome outcome) {
            this.outcome = outcome;
        }

        AgentBuilder.Transformer matchedBy(InstrumentationModule module, TypeHooks hooks) {
            return (builder, type, classLoader, javaModule, protectionDomain) -> {
                matched.get().add(new Match(module, hooks));
                return builder;
            };
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader classLoader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            for (Match match : matched.get()) {
                outcome.hooked(match.module(), match.hooks(), type.getName());
            }
        }

        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            outcome.failed(typeName, throwable);
        }

        @Override
        public void onComplete(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded) {
            matched.get().clear();
        }
    }
}
