package io.closewatch.agent;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.config.AgentConfig;
import io.closewatch.agent.instrumentation.HookOutcome;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.handshake.UncountedHandshakes;
import io.closewatch.agent.instrumentation.helidon.HelidonInstrumentation;
import io.closewatch.agent.instrumentation.javalin.JavalinInstrumentation;
import io.closewatch.agent.instrumentation.javawebsocket.JavaWebSocketInstrumentation;
import io.closewatch.agent.instrumentation.jdk.JdkWebSocketInstrumentation;
import io.closewatch.agent.instrumentation.jetty.JettyWebSocketInstrumentation;
import io.closewatch.agent.instrumentation.jetty9.Jetty9Instrumentation;
import io.closewatch.agent.instrumentation.jettyapi.JettyApiInstrumentation;
import io.closewatch.agent.instrumentation.micrometer.MicrometerHooks;
import io.closewatch.agent.instrumentation.micronaut.MicronautInstrumentation;
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
import io.closewatch.agent.weaving.ByteBuddyHooks;
import io.closewatch.agent.weaving.ClassDump;
import io.closewatch.agent.weaving.ClassFileNames;
import io.closewatch.agent.weaving.DeferredTransformer;
import io.closewatch.agent.weaving.HookWeaver;
import io.closewatch.agent.weaving.WeavingPlan;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Puts the {@link #MODULES}' hooks to work: the agent's own {@link HookWeaver} behind the {@link DeferredTransformer}
 * registered in {@code premain}, or, for an agent attached to a running JVM, Byte Buddy ({@link ByteBuddyHooks}),
 * which retransforms the classes already loaded. A new instrumented stack is one more line in {@link #MODULES}.
 */
final class HookInstaller {
    static final List<InstrumentationModule> MODULES = List.of(
        WebSocketApiInstrumentation.jakarta(),
        WebSocketApiInstrumentation.javax(),
        TomcatWebSocketInstrumentation.jakarta(),
        TomcatWebSocketInstrumentation.javax(),
        new JettyWebSocketInstrumentation(),
        new JettyApiInstrumentation(),
        new Jetty9Instrumentation(),
        new JavalinInstrumentation(),
        new UndertowWebSocketInstrumentation(),
        new SpringWebSocketInstrumentation(),
        new OkHttpInstrumentation(),
        new VertxInstrumentation(),
        new QuarkusWebSocketsInstrumentation(),
        new ReactorNettyInstrumentation(),
        new NettyInstrumentation(),
        new WebFluxInstrumentation(),
        new JdkWebSocketInstrumentation(),
        new JavaWebSocketInstrumentation(),
        new MicronautInstrumentation(),
        new HelidonInstrumentation()
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
        names.addAll(List.of(UncountedHandshakes.classFileNames()));
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
     * The stacks {@code stacks.disabled} names, split from the modules at work; a name no module has is a problem
     * named once (then ignored).
     */
    static Set<String> disabledStacks(AgentConfig.Switches switches, Consumer<String> problems) {
        Set<String> known = new TreeSet<>();
        for (InstrumentationModule module : MODULES) {
            known.add(module.stack());
        }
        Set<String> disabled = new TreeSet<>();
        for (String stack : switches.stacksDisabled()) {
            if (known.contains(stack)) {
                disabled.add(stack);
            } else {
                problems.accept("Closewatch: " + switches.stacksSource() + " names '" + stack + "', which is not a "
                        + "stack Closewatch counts (" + String.join(", ", known) + "); ignoring it");
            }
        }
        return disabled;
    }

    /**
     * @param deferred       the transformer {@code premain} registered, or null when attached to a running JVM
     * @param hostMicrometer whether to hook the application's Micrometer too ({@code export=host})
     * @param disabledStacks stacks whose modules configuration switched off: their types are only named
     * @param dump           where {@code debug.dump} writes, or null
     * @param outcome        told of every type hooked, failed or disabled
     */
    static void install(Instrumentation instrumentation, DeferredTransformer deferred, boolean hostMicrometer,
                        Set<String> disabledStacks, ClassDump dump, HookOutcome outcome) {
        List<InstrumentationModule> modules = modulesAtWork(disabledStacks);
        List<InstrumentationModule> disabled = new ArrayList<>(MODULES);
        disabled.removeAll(modules);
        WeavingPlan plan = new WeavingPlan(modules, disabled,
                hostMicrometer ? List.of(MicrometerHooks.hooks()) : List.of(), uncountedHandshakes(),
                HookInstaller.class.getClassLoader(), CloseWatchBridge.class, dump);
        if (deferred != null) {
            deferred.delegateTo(new HookWeaver(plan, outcome));
        } else {
            // Only an agent attached to a running JVM finds classes to instrument already loaded, and only Byte
            // Buddy's inlining retransforms them.
            ByteBuddyHooks.installOn(instrumentation, plan, outcome, classFileNames(hostMicrometer));
        }
    }

    /**
     * The handshake detector, for the classes no module covers, disabled ones included: a disabled stack is named as
     * such already.
     */
    static TypeHooks uncountedHandshakes() {
        Set<String> covered = new TreeSet<>(); // modules of one stack (jakarta, javax) name the same classes
        for (InstrumentationModule module : MODULES) {
            covered.addAll(List.of(module.handshakeClasses()));
        }
        return UncountedHandshakes.hooks(covered);
    }

    /** The modules at work: all but those of {@code disabledStacks}. */
    static List<InstrumentationModule> modulesAtWork(Set<String> disabledStacks) {
        List<InstrumentationModule> modules = new ArrayList<>();
        for (InstrumentationModule module : MODULES) {
            if (!disabledStacks.contains(module.stack())) {
                modules.add(module);
            }
        }
        return modules;
    }
}
