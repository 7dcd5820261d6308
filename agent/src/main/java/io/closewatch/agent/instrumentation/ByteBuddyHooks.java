package io.closewatch.agent.instrumentation;

import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
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
 * The modules' {@link TypeHooks} as Byte Buddy applies them: for an agent attached to a running JVM, which must
 * retransform classes already loaded (and so may not add methods, as {@link HookWeaver} does). The same matches and
 * the same advice, inlined by Byte Buddy.
 */
public final class ByteBuddyHooks {
    private ByteBuddyHooks() {
    }

    /**
     * Byte Buddy's agent builder with the hooks of {@code modules} and {@code others} (hooks that count no stack).
     */
    public static AgentBuilder builder(List<InstrumentationModule> modules, List<TypeHooks> others,
                                       ClassLoader adviceLoader, HookOutcome outcome) {
        // The advice changes no class format, so Byte Buddy's Nexus (for initialising generated fields) is never
        // used, yet building it injects a class into the application loader and generates an accessor inside
        // java.base. The property is the relocated copy's own.
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
        // method graph; and the classes it writes are the host's own, already valid, so they need no validation.
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
            for (TypeHooks hooks : module.hooks()) {
                builder = builder.type(types(hooks.types()), loaders(hooks.loaders()))
                        .transform(advice(hooks, adviceLoader))
                        .transform(outcomes.matchedBy(module, hooks));
            }
        }
        for (TypeHooks hooks : others) {
            builder = builder.type(types(hooks.types()), loaders(hooks.loaders())).transform(advice(hooks,
                    adviceLoader));
        }
        return builder;
    }

    /**
     * Installs the hooks on a running JVM: Byte Buddy retransforms the classes already loaded, behind the
     * {@link ClassFileNames} pre-filter, and hooks those still to come.
     *
     * @param bridge the bootstrap bridge the advice calls, which every hooked module must be able to read
     */
    public static void installOn(Instrumentation instrumentation, List<InstrumentationModule> modules,
                                 List<TypeHooks> others, ClassLoader adviceLoader, HookOutcome outcome,
                                 ClassFileNames names, Class<?> bridge) {
        builder(modules, others, adviceLoader, outcome)
                .assureReadEdgeTo(instrumentation, bridge)
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(PreFilteredTransformer.decorator(names))
                .installOn(instrumentation);
    }

    static ElementMatcher<TypeDescription> types(TypeMatch match) {
        return type -> match.matches(new DescribedType(type));
    }

    static ElementMatcher<ClassLoader> loaders(LoaderMatch match) {
        return match::matches;
    }

    static ElementMatcher<MethodDescription> methods(MethodMatch match) {
        return method -> match.matches(new MethodView(method.getInternalName(), method.getDescriptor(),
                method.getModifiers()));
    }

    /**
     * Byte Buddy's advice for {@code hooks}, read as class files from {@code adviceLoader}; in a WebSocket namespace,
     * with its types read there ({@link AdviceCode#remap}) and its {@link WebSocketApi} parameter bound to it.
     */
    static AgentBuilder.Transformer advice(TypeHooks hooks, ClassLoader adviceLoader) {
        String namespace = hooks.webSocketNamespace();
        ClassFileLocator adviceClasses = ClassFileLocator.ForClassLoader.of(adviceLoader);
        AgentBuilder.Transformer.ForAdvice advice = namespace == null
                ? new AgentBuilder.Transformer.ForAdvice().include(adviceLoader)
                : new AgentBuilder.Transformer.ForAdvice(Advice.withCustomMapping().bind(WebSocketApi.class, namespace))
                        .include(namespace.equals("jakarta") ? adviceClasses
                                : new NamespaceRemappingLocator(adviceClasses, "jakarta/websocket/",
                                        namespace + "/websocket/"));
        for (TypeHooks.MethodHook method : hooks.methods()) {
            advice = advice.advice(methods(method.methods()), method.advice());
        }
        return advice;
    }

    /** A type as Byte Buddy describes it, for the modules' {@link TypeMatch}es. */
    private record DescribedType(TypeDescription type) implements TypeView {
        @Override
        public String name() {
            return type.getName();
        }

        @Override
        public boolean isInterface() {
            return type.isInterface();
        }

        @Override
        public boolean declaresMethod(String methodName) {
            for (MethodDescription method : type.getDeclaredMethods()) {
                if (method.getInternalName().equals(methodName)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean hasSuperType(String typeName) {
            return ElementMatchers.hasSuperType(ElementMatchers.named(typeName)).matches(type);
        }
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
