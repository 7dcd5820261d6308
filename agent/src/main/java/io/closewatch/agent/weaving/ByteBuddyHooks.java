package io.closewatch.agent.weaving;

import io.closewatch.agent.instrumentation.HookOutcome;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.LoaderMatch;
import io.closewatch.agent.instrumentation.MethodMatch;
import io.closewatch.agent.instrumentation.MethodView;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;
import io.closewatch.agent.instrumentation.TypeView;
import io.closewatch.agent.instrumentation.WebSocketApi;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.Nexus;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
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

    /** Byte Buddy's agent builder with the plan's hooks. */
    public static AgentBuilder builder(WeavingPlan plan, HookOutcome outcome) {
        List<InstrumentationModule> modules = plan.modules();
        ClassLoader adviceLoader = plan.adviceLoader();
        // The advice changes no class format, so Byte Buddy's Nexus (for initialising generated fields) is never
        // used, yet building it injects a class into the application loader and generates an accessor inside
        // java.base. The property is the relocated copy's own.
        if (System.getProperty(Nexus.PROPERTY) == null) {
            System.setProperty(Nexus.PROPERTY, "true");
        }
        ElementMatcher.Junction<TypeDescription> hookedJdkTypes = none();
        List<InstrumentationModule> all = new ArrayList<>(modules);
        all.addAll(plan.disabled());
        for (InstrumentationModule module : all) {
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
        Advice.ExceptionHandler reportToBridge = reportTo(plan.bridge());
        for (InstrumentationModule module : modules) {
            for (TypeHooks hooks : module.hooks()) {
                // Checked before the advice: a check that throws leaves the type unchanged (Byte Buddy's onError).
                builder = builder.type(types(hooks.types()), loaders(hooks.loaders()))
                        .transform(outcomes.matchedBy(module, hooks))
                        .transform(check(hooks, adviceLoader, plan.bridge()))
                        .transform(advice(hooks, adviceLoader, reportToBridge));
            }
        }
        for (InstrumentationModule module : plan.disabled()) {
            for (TypeHooks hooks : module.hooks()) {
                builder = builder.type(types(hooks.types()), loaders(hooks.loaders()))
                        .transform((typeBuilder, type, classLoader, javaModule, protectionDomain) -> {
                            outcome.disabled(module, type.getName());
                            return typeBuilder;
                        });
            }
        }
        for (TypeHooks hooks : plan.others()) {
            builder = builder.type(types(hooks.types()), loaders(hooks.loaders())).transform(advice(hooks,
                    adviceLoader, reportToBridge));
        }
        TypeHooks handshakes = plan.handshakes();
        if (handshakes != null) {
            builder = builder.type(types(handshakes.types()), loaders(handshakes.loaders()))
                    .transform((typeBuilder, type, classLoader, javaModule, protectionDomain) -> {
                        outcome.uncounted(type.getName());
                        return typeBuilder;
                    })
                    .transform(check(handshakes, adviceLoader, plan.bridge()))
                    .transform(advice(handshakes, adviceLoader, reportToBridge));
        }
        return builder;
    }

    /** What the agent's weaver checks before weaving: the methods a hook needs, the advice's references. */
    private static AgentBuilder.Transformer check(TypeHooks hooks, ClassLoader adviceLoader, Class<?> bridge) {
        return (builder, type, classLoader, javaModule, protectionDomain) -> {
            String namespace = hooks.webSocketNamespace();
            for (TypeHooks.MethodHook methodHook : hooks.methods()) {
                boolean present = false;
                for (MethodDescription method : type.getDeclaredMethods()) {
                    present |= methods(methodHook.methods()).matches(method);
                }
                if (present) {
                    AdviceCode code = AdviceCode.load(adviceLoader, methodHook.advice(), namespace);
                    String internalName = type.getInternalName();
                    ClassFileVersion version = type.getClassFileVersion();
                    code.references.check(internalName, ClassFileType.read(classLoader, internalName), classLoader,
                            version == null ? Integer.MAX_VALUE : version.getMajorVersion(), bridge);
                } else if (methodHook.required() && hooks.types().isByName()) {
                    throw HookWeaver.noMethodFor(methodHook);
                }
            }
            return builder;
        };
    }

    /** Byte Buddy's exception handler for suppressed advice: the throwable goes to the bridge, as in AdviceCopy. */
    private static Advice.ExceptionHandler reportTo(Class<?> bridge) {
        try {
            return new Advice.ExceptionHandler.Simple(MethodInvocation.invoke(new MethodDescription.ForLoadedMethod(
                    bridge.getMethod(AdviceCopy.REPORT_NAME, Throwable.class))));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(bridge + " cannot report a failing advice", e);
        }
    }

    /**
     * Installs the hooks on a running JVM: Byte Buddy retransforms the classes already loaded, behind the
     * {@link ClassFileNames} pre-filter, and hooks those still to come. Every hooked module is made to read the
     * plan's bridge.
     */
    public static void installOn(Instrumentation instrumentation, WeavingPlan plan, HookOutcome outcome,
                                 ClassFileNames names) {
        builder(plan, outcome)
                .assureReadEdgeTo(instrumentation, plan.bridge())
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
                method.getModifiers(), ClassFileBeingTransformed.methodCode()));
    }

    /**
     * Byte Buddy's advice for {@code hooks}, read as class files from {@code adviceLoader}; in a WebSocket namespace,
     * with its types read there ({@link AdviceCode#remap}) and its {@link WebSocketApi} parameter bound to it.
     */
    static AgentBuilder.Transformer advice(TypeHooks hooks, ClassLoader adviceLoader,
                                           Advice.ExceptionHandler exceptionHandler) {
        String namespace = hooks.webSocketNamespace();
        ClassFileLocator adviceClasses = ClassFileLocator.ForClassLoader.of(adviceLoader);
        AgentBuilder.Transformer.ForAdvice advice = namespace == null
                ? new AgentBuilder.Transformer.ForAdvice().include(adviceLoader)
                : new AgentBuilder.Transformer.ForAdvice(Advice.withCustomMapping().bind(WebSocketApi.class, namespace))
                        .include(namespace.equals("jakarta") ? adviceClasses
                                : new NamespaceRemappingLocator(adviceClasses, "jakarta/", namespace + "/"));
        advice = advice.withExceptionHandler(exceptionHandler);
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

        @Override
        public boolean holdsString(String constant) {
            return ClassFileBeingTransformed.holdsString(constant);
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
            List<InstrumentationModule> modules = new ArrayList<>();
            for (Match match : matched.get()) {
                modules.add(match.module());
            }
            HookWeaver.reportFailure(outcome, modules, typeName, throwable);
        }

        @Override
        public void onComplete(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded) {
            matched.get().clear();
        }
    }
}
