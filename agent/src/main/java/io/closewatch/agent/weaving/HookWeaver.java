package io.closewatch.agent.weaving;

import io.closewatch.agent.instrumentation.HookOutcome;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.MethodView;
import io.closewatch.agent.instrumentation.TypeHooks;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The agent's own weaver, for classes as they load (an agent started with the JVM): it matches the modules'
 * {@link TypeHooks} against the class file and weaves their advice in with ASM (Byte Buddy's relocated copy), so
 * that none of Byte Buddy's machinery loads on the host's start-up; Byte Buddy itself ({@link ByteBuddyHooks})
 * serves an agent attached to a running JVM, which must retransform loaded classes.
 * <p>
 * Each advice method is copied into the hooked class as a private static method, wrapped so that nothing it throws
 * reaches the host; the hooked method calls it on entry, or before each return (and, for {@code onThrowable}, from
 * a handler that rethrows). Adding a method changes the class's shape, which only a class being loaded or redefined
 * allows (a retransformation replays what was woven at load, as the JVM keeps it); a redefinition (HotSwap, a
 * reloader) is woven again from the bytes given, into the very same methods ({@link AdviceCopy#prefixOf}).
 * Before anything is written, each advice's references are checked against the class's loader
 * ({@link AdviceReferences}) and each method a hook needs is looked for ({@link TypeHooks.MethodHook#required}).
 * Anything the weaver cannot bind safely (a missing field, a type it cannot prove assignable) fails the whole class,
 * which then loads unchanged and is reported, with the modules whose hooks matched it.
 */
public final class HookWeaver implements ClassFileTransformer {
    private final List<Hooks> hooks;
    private final ClassLoader adviceLoader;
    private final Class<?> bridge;
    /** The bridge's internal name, which each advice copy's catch-all calls. */
    private final String bridgeName;
    private final HookOutcome outcome;
    private final ClassDump dump;
    private final Map<String, AdviceCode> advice = new ConcurrentHashMap<>();

    /**
     * One module's hooks on one kind of type; the module is null for hooks that count no stack.
     *
     * @param disabled   whether configuration switched the module off: its types are matched, named and left alone
     * @param handshakes whether these are the handshake detector's: the types they match are uncounted stacks
     */
    private record Hooks(InstrumentationModule module, TypeHooks hooks, boolean disabled, boolean handshakes) {
    }

    public HookWeaver(WeavingPlan plan, HookOutcome outcome) {
        List<Hooks> all = new ArrayList<>();
        for (InstrumentationModule module : plan.modules()) {
            for (TypeHooks typeHooks : module.hooks()) {
                all.add(new Hooks(module, typeHooks, false, false));
            }
        }
        for (InstrumentationModule module : plan.disabled()) {
            for (TypeHooks typeHooks : module.hooks()) {
                all.add(new Hooks(module, typeHooks, true, false));
            }
        }
        for (TypeHooks typeHooks : plan.others()) {
            all.add(new Hooks(null, typeHooks, false, false));
        }
        if (plan.handshakes() != null) {
            all.add(new Hooks(null, plan.handshakes(), false, true));
        }
        this.hooks = List.copyOf(all);
        this.adviceLoader = plan.adviceLoader();
        this.bridge = plan.bridge();
        this.bridgeName = Type.getInternalName(bridge);
        this.dump = plan.dump();
        this.outcome = outcome;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) {
        if (internalName == null) {
            return null;
        }
        List<Hooks> matched = new ArrayList<>();
        byte[] woven = null;
        try {
            woven = weave(loader, classFile, matched);
            return woven;
        } catch (Throwable t) {
            reportFailure(matched, internalName.replace('/', '.'), t);
            return null;
        } finally {
            if (dump != null && !matched.isEmpty()) {
                dump.write(internalName, loader, classBeingRedefined != null, classFile, woven);
            }
        }
    }

    private void reportFailure(List<Hooks> matched, String typeName, Throwable error) {
        List<InstrumentationModule> modules = new ArrayList<>();
        for (Hooks match : matched) {
            modules.add(match.module());
        }
        reportFailure(outcome, modules, typeName, error);
    }

    /**
     * A failed type, told once for each module whose hooks matched it ({@code matched} may repeat one, or hold null
     * for hooks that count no stack), or once without a module. Both weavers report so.
     */
    static void reportFailure(HookOutcome outcome, List<InstrumentationModule> matched, String typeName,
                              Throwable error) {
        List<InstrumentationModule> modules = new ArrayList<>();
        for (InstrumentationModule module : matched) {
            if (module != null && !modules.contains(module)) {
                modules.add(module);
            }
        }
        if (modules.isEmpty()) {
            outcome.failed(null, typeName, error);
        }
        for (InstrumentationModule module : modules) {
            outcome.failed(module, typeName, error);
        }
    }

    /** What both weavers say of a type matched by name that lacks a method a hook needs. */
    static IllegalStateException noMethodFor(TypeHooks.MethodHook hook) {
        return new IllegalStateException("it has no method for " + hook.advice() + " (" + hook.methods()
                + "): a version Closewatch does not know");
    }

    /** @param matched filled with the hooks that match the class, for the caller to report */
    private byte[] weave(ClassLoader loader, byte[] classFile, List<Hooks> matched) {
        ClassReader reader = new ClassReader(classFile);
        ClassFileType type = new ClassFileType(reader, loader);
        List<Hooks> disabled = new ArrayList<>();
        for (Hooks candidate : hooks) {
            if (candidate.hooks().loaders().matches(loader) && candidate.hooks().types().matches(type)) {
                (candidate.disabled() ? disabled : matched).add(candidate);
            }
        }
        for (Hooks off : disabled) {
            outcome.disabled(off.module(), type.name());
        }
        for (Hooks match : matched) {
            if (match.handshakes()) {
                outcome.uncounted(type.name());
            }
        }
        if (matched.isEmpty()) {
            return null;
        }
        ClassShape shape = new ClassShape(type, reader, loader);
        Map<String, List<HookedMethod.Call>> calls = new LinkedHashMap<>();
        Map<String, AdviceCopy> copies = new LinkedHashMap<>();
        for (Hooks match : matched) {
            String namespace = match.hooks().webSocketNamespace();
            for (TypeHooks.MethodHook methodHook : match.hooks().methods()) {
                AdviceCode code = adviceCode(methodHook.advice(), namespace);
                boolean applied = false;
                for (MethodView method : shape.methods()) {
                    if (methodHook.methods().matches(method)) {
                        applied = true;
                        // No lambdas (computeIfAbsent): this runs on the host's threads as its classes load.
                        String copyKey = code.className + '@' + namespace;
                        AdviceCopy copy = copies.get(copyKey);
                        if (copy == null) {
                            code.references.check(reader.getClassName(), reader, loader, shape.version(), bridge);
                            copy = new AdviceCopy(code, namespace, bridgeName);
                            copies.put(copyKey, copy);
                        }
                        String methodKey = method.name() + method.descriptor();
                        List<HookedMethod.Call> methodCalls = calls.get(methodKey);
                        if (methodCalls == null) {
                            methodCalls = new ArrayList<>();
                            calls.put(methodKey, methodCalls);
                        }
                        methodCalls.add(new HookedMethod.Call(copy, namespace));
                    }
                }
                if (!applied && methodHook.required() && match.hooks().types().isByName()) {
                    throw noMethodFor(methodHook);
                }
            }
        }
        byte[] woven = calls.isEmpty() ? null : write(reader, shape, calls, copies);
        for (Hooks match : matched) {
            if (match.module() != null) {
                outcome.hooked(match.module(), match.hooks(), type.name());
            }
        }
        return woven;
    }

    private byte[] write(ClassReader reader, ClassShape shape, Map<String, List<HookedMethod.Call>> calls,
                         Map<String, AdviceCopy> copies) {
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor visitor = super.visitMethod(access, name, descriptor, signature, exceptions);
                List<HookedMethod.Call> hooked = calls.get(name + descriptor);
                return hooked == null ? visitor
                        : new HookedMethod(visitor, shape, new MethodView(name, descriptor, access), hooked);
            }

            @Override
            public void visitEnd() {
                for (AdviceCopy copy : copies.values()) {
                    copy.writeInto(cv, shape);
                }
                super.visitEnd();
            }
        }, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    private AdviceCode adviceCode(String className, String namespace) {
        String key = className + '@' + namespace;
        AdviceCode known = advice.get(key);
        if (known != null) {
            return known;
        }
        AdviceCode read = AdviceCode.load(adviceLoader, className, namespace);
        advice.put(key, read); // read twice at worst, when two threads need it at once
        return read;
    }
}
