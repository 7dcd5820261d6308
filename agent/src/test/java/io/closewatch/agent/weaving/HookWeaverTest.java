package io.closewatch.agent.weaving;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.instrumentation.HookOutcome;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.MethodMatch;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's own weaver on classes of the test's own, defined through it by a child-first loader as the JVM would
 * hand them over (the JVM verifies them): what each binding reads, that nothing an advice throws reaches the host,
 * and that a binding it cannot make safely leaves the class as it was.
 */
class HookWeaverTest {
    private static final String TARGET = Target.class.getName();

    private final List<String> hooked = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();

    /** The instrumented type, below a base class with a field. */
    public static class TargetBase {
        protected int inherited = 7;
    }

    public static class Target extends TargetBase {
        String own = "mine";

        /** Branches and a loop, so that the woven method has stack map frames to keep right. */
        public String join(String name, long count) {
            StringBuilder joined = new StringBuilder();
            for (long i = 0; i < count; i++) {
                if (name == null) {
                    throw new IllegalArgumentException("no name");
                }
                joined.append(name);
            }
            return joined.toString();
        }
    }

    @AfterEach
    void forget() {
        WeavingProbe.SEEN.clear();
    }

    private HookWeaver weaver(TypeHooks hooks) {
        return new HookWeaver(WeavingPlan.of(List.of(module(hooks)), getClass().getClassLoader(),
                CloseWatchBridge.class), new HookOutcome() {
            @Override
            public void hooked(InstrumentationModule module, TypeHooks typeHooks, String typeName) {
                hooked.add(typeName);
            }

            @Override
            public void failed(InstrumentationModule module, String typeName, Throwable error) {
                failed.add(module.stack() + " " + typeName + ": " + error.getMessage());
            }
        });
    }

    private static InstrumentationModule module(TypeHooks hooks) {
        return new OneHookModule("test", hooks);
    }

    private static TypeHooks onJoin(Class<?> advice) {
        return new TypeHooks(TypeMatch.named(TARGET).and(TypeMatch.hasSuperType(TargetBase.class.getName())))
                .advice(MethodMatch.named("join").takesArguments("java.lang.String", "long"), advice.getName());
    }

    private static Object join(Class<?> target, String name, long count) throws Exception {
        Object instance = target.getConstructor().newInstance();
        try {
            return target.getMethod("join", String.class, long.class).invoke(instance, name, count);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void everyBindingReadsWhatTheMethodHasAndTheExitSeesTheResult() throws Exception {
        Class<?> target = new WeavingLoader(weaver(onJoin(WeavingAdvice.Bindings.class))).loadClass(TARGET);
        assertEquals("abab", join(target, "ab", 2));
        assertEquals(List.of(List.of("enter", false, "ab", 2L, List.of("ab", 2L), "mine", 7, TARGET),
                List.of("exit", 4L, "abab", 2L)), WeavingProbe.SEEN);
        assertEquals(List.of(), failed);
    }

    @Test
    void anExitOnThrowableRunsAndTheThrowableGoesOn() throws Exception {
        Class<?> target = new WeavingLoader(weaver(onJoin(WeavingAdvice.Bindings.class))).loadClass(TARGET);
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> join(target, null, 3));
        assertEquals("no name", thrown.getMessage());
        List<Object> exit = new ArrayList<>();
        exit.add("exit");
        exit.add(6L);
        exit.add(null); // no return value: the default
        exit.add(3L);
        assertEquals(exit, WeavingProbe.SEEN.get(1));
        assertEquals(2, WeavingProbe.SEEN.size());
    }

    @Test
    void whatTheAdviceThrowsNeverReachesTheHost() throws Exception {
        Class<?> target = new WeavingLoader(weaver(onJoin(WeavingAdvice.Throwing.class))).loadClass(TARGET);
        assertEquals("xx", join(target, "x", 2));
        assertEquals(List.of(List.of("exit", "xx")), WeavingProbe.SEEN);
    }

    @Test
    void aFieldTheClassLacksLeavesItUnchangedAndSaysSo() throws Exception {
        Class<?> target = new WeavingLoader(weaver(onJoin(WeavingAdvice.MissingField.class))).loadClass(TARGET);
        assertEquals("x", join(target, "x", 1));
        assertEquals(List.of(), WeavingProbe.SEEN);
        assertEquals(1, failed.size());
        assertTrue(failed.get(0).contains("no field absent"), failed.toString());
    }

    @Test
    void anArgumentOfAnotherTypeLeavesTheClassUnchanged() throws Exception {
        Class<?> target = new WeavingLoader(weaver(onJoin(WeavingAdvice.WrongType.class))).loadClass(TARGET);
        assertEquals("x", join(target, "x", 1));
        assertEquals(List.of(), WeavingProbe.SEEN);
        assertTrue(failed.get(0).contains("java.lang.String is not a java.lang.Integer"), failed.toString());
    }

    @Test
    void exitAdviceOnAConstructorSeesTheObjectMade() throws Exception {
        TypeHooks hooks = new TypeHooks(TypeMatch.named(TARGET))
                .advice(MethodMatch.constructor(), WeavingAdvice.Constructed.class.getName());
        new WeavingLoader(weaver(hooks)).loadClass(TARGET).getConstructor().newInstance();
        assertEquals(List.of(List.of("made", TARGET, "mine")), WeavingProbe.SEEN, failed::toString);
    }

    @Test
    void theWebSocketApiParameterIsTheNamespace() throws Exception {
        TypeHooks hooks = new TypeHooks(TypeMatch.named(TARGET)).inWebSocketNamespace("javax")
                .advice(MethodMatch.named("join"), WeavingAdvice.Namespace.class.getName());
        join(new WeavingLoader(weaver(hooks)).loadClass(TARGET), "x", 1);
        assertEquals(List.of(List.of("api", "javax")), WeavingProbe.SEEN);
    }

    @Test
    void aTypeNoHookMatchesIsLeftAloneAndNotReported() throws Exception {
        TypeHooks hooks = new TypeHooks(TypeMatch.named(TARGET).and(TypeMatch.hasSuperType("java.lang.Runnable")))
                .advice(MethodMatch.named("join"), WeavingAdvice.Namespace.class.getName());
        HookWeaver weaver = weaver(hooks);
        assertNull(weaver.transform(getClass().getClassLoader(), TARGET.replace('.', '/'), null, null,
                classFile(TARGET)));
        assertEquals(List.of(), hooked);
    }

    /** HotSwap and reloaders redefine a class from its bytes: woven again, into the very same methods. */
    @Test
    void aRedefinedClassIsWovenAgainIntoTheSameMethods() {
        HookWeaver weaver = weaver(onJoin(WeavingAdvice.Bindings.class));
        byte[] atLoad = weaver.transform(getClass().getClassLoader(), TARGET.replace('.', '/'), null, null,
                classFile(TARGET));
        byte[] redefined = weaver.transform(getClass().getClassLoader(), TARGET.replace('.', '/'), Target.class,
                null, classFile(TARGET));
        assertInstanceOf(byte[].class, atLoad);
        assertArrayEquals(atLoad, redefined);
        assertEquals(List.of(TARGET, TARGET), hooked, failed::toString);
    }

    @Test
    void aNamedTypeWithoutAMethodAHookNeedsLoadsUnchangedAndNamesItsModule() throws Exception {
        TypeHooks hooks = onJoin(WeavingAdvice.Bindings.class)
                .advice(MethodMatch.named("renamedInANewVersion"), WeavingAdvice.Namespace.class.getName());
        Class<?> target = new WeavingLoader(weaver(hooks)).loadClass(TARGET);
        assertEquals("x", join(target, "x", 1));
        assertEquals(List.of(), WeavingProbe.SEEN);
        assertEquals(List.of(), hooked);
        assertEquals(1, failed.size(), failed::toString);
        assertTrue(failed.get(0).startsWith("test " + TARGET + ": it has no method for "), failed::toString);
        assertTrue(failed.get(0).contains("renamedInANewVersion(..)"), failed::toString);
    }

    @Test
    void aMethodOnlySomeVersionsHaveMayBeMissing() throws Exception {
        TypeHooks hooks = onJoin(WeavingAdvice.Bindings.class)
                .adviceIfPresent(MethodMatch.named("renamedInANewVersion"), WeavingAdvice.Namespace.class.getName());
        join(new WeavingLoader(weaver(hooks)).loadClass(TARGET), "x", 1);
        assertEquals(2, WeavingProbe.SEEN.size(), WeavingProbe.SEEN::toString);
        assertEquals(List.of(TARGET), hooked, failed::toString);
    }

    /** The advice's references are checked against the class's loader before anything is woven (muzzle). */
    @Test
    void anAdviceCallingALibraryTheLoaderLacksLeavesTheClassUnchanged() throws Exception {
        String library = MuzzleLibrary.class.getName().replace('.', '/') + ".class";
        Class<?> target = new WeavingLoader(weaver(onJoin(WeavingAdvice.CallsLibrary.class)),
                Map.of(library, new byte[0])).loadClass(TARGET);
        assertEquals("x", join(target, "x", 1));
        assertEquals(List.of(), WeavingProbe.SEEN);
        assertEquals(List.of("test " + TARGET + ": the advice refers to " + MuzzleLibrary.class.getName()
                + ", which its class loader does not have"), failed);
    }

    @Test
    void anAdviceCallingAMethodTheLoadedVersionLacksLeavesTheClassUnchanged() throws Exception {
        String library = MuzzleLibrary.class.getName().replace('.', '/');
        byte[] withoutPing = renamedMethod(classFile(MuzzleLibrary.class.getName()), "ping", "pingRenamed");
        Class<?> target = new WeavingLoader(weaver(onJoin(WeavingAdvice.CallsLibrary.class)),
                Map.of(library + ".class", withoutPing)).loadClass(TARGET);
        assertEquals("x", join(target, "x", 1));
        assertEquals(List.of(), WeavingProbe.SEEN);
        assertEquals(List.of("test " + TARGET + ": the advice calls " + MuzzleLibrary.class.getName()
                + ".ping(Ljava/lang/String;)Ljava/lang/String;, which does not exist in the version loaded"), failed);
        // With the library as compiled against, the same advice is woven and runs.
        join(new WeavingLoader(weaver(onJoin(WeavingAdvice.CallsLibrary.class))).loadClass(TARGET), "y", 1);
        assertEquals(List.of(List.of("library", "pong y")), WeavingProbe.SEEN);
    }

    /** A throwable inside advice at run time (a LinkageError, say) is handed to the bridge, never dropped. */
    @Test
    void aThrowableInsideAdviceGoesToTheBridgeAndNotToTheHost() throws Exception {
        List<String> reported = new ArrayList<>();
        CloseWatchBridge.install((CloseWatchBridge.Events) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CloseWatchBridge.Events.class}, (proxy, method, arguments) -> {
                    reported.add(method.getName() + " " + arguments[0] + " " + arguments[1]);
                    return null;
                }));
        try {
            Class<?> target = new WeavingLoader(weaver(onJoin(WeavingAdvice.Linkage.class))).loadClass(TARGET);
            assertEquals("zz", join(target, "z", 2));
            assertEquals(List.of("failed instrumentation java.lang.NoSuchMethodError: a method the advice was "
                    + "compiled against: z"), reported);
        } finally {
            CloseWatchBridge.install(null);
        }
    }

    @Test
    void aDisabledModulesTypeIsNamedAndLeftAlone() throws Exception {
        List<String> disabled = new ArrayList<>();
        InstrumentationModule module = module(onJoin(WeavingAdvice.Bindings.class));
        HookWeaver weaver = new HookWeaver(new WeavingPlan(List.of(), List.of(module), List.of(), null,
                getClass().getClassLoader(), CloseWatchBridge.class, null), new HookOutcome() {
                    @Override
                    public void hooked(InstrumentationModule m, TypeHooks typeHooks, String typeName) {
                        hooked.add(typeName);
                    }

                    @Override
                    public void failed(InstrumentationModule m, String typeName, Throwable error) {
                        failed.add(typeName);
                    }

                    @Override
                    public void disabled(InstrumentationModule m, String typeName) {
                        disabled.add(m.stack() + " " + typeName);
                    }
                });
        assertNull(weaver.transform(getClass().getClassLoader(), TARGET.replace('.', '/'), null, null,
                classFile(TARGET)));
        assertEquals(List.of("test " + TARGET), disabled);
        assertEquals(List.of(), hooked);
    }

    @Test
    void debugDumpWritesTheOriginalAndTheWovenClassFile(@TempDir Path directory) throws Exception {
        HookWeaver weaver = new HookWeaver(new WeavingPlan(List.of(module(onJoin(WeavingAdvice.Bindings.class))),
                List.of(), List.of(), null, getClass().getClassLoader(), CloseWatchBridge.class,
                new ClassDump(directory.resolve("dump"))), new HookOutcome() {
                    @Override
                    public void hooked(InstrumentationModule m, TypeHooks typeHooks, String typeName) {
                    }

                    @Override
                    public void failed(InstrumentationModule m, String typeName, Throwable error) {
                    }
                });
        byte[] woven = weaver.transform(getClass().getClassLoader(), TARGET.replace('.', '/'), null, null,
                classFile(TARGET));
        assertArrayEquals(classFile(TARGET), Files.readAllBytes(directory.resolve("dump/" + TARGET
                + ".original.class")));
        assertArrayEquals(woven, Files.readAllBytes(directory.resolve("dump/" + TARGET + ".woven.class")));
        weaver.transform(getClass().getClassLoader(), "java/lang/Thread", null, null, classFile("java.lang.Thread"));
        try (var files = Files.list(directory.resolve("dump"))) {
            assertEquals(2, files.count(), "only the hooked class is written");
        }
        byte[] rewoven = weaver.transform(getClass().getClassLoader(), TARGET.replace('.', '/'), Target.class, null,
                classFile(TARGET));
        assertArrayEquals(rewoven, Files.readAllBytes(directory.resolve("dump/" + TARGET + ".redefined.woven.class")));
        assertArrayEquals(woven, Files.readAllBytes(directory.resolve("dump/" + TARGET + ".woven.class")),
                "the load's files stay");
    }

    /** {@code classFile} with the method {@code from} renamed to {@code to}. */
    private static byte[] renamedMethod(byte[] classFile, String from, String to) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return super.visitMethod(access, name.equals(from) ? to : name, descriptor, signature, exceptions);
            }
        }, 0);
        return writer.toByteArray();
    }

    private static byte[] classFile(String name) {
        try (InputStream in = HookWeaverTest.class.getClassLoader()
                .getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Defines {@link Target} itself, through the weaver; everything else comes from the test's loader. */
    private static final class WeavingLoader extends ClassLoader {
        private final HookWeaver weaver;
        /** Resources served instead of the test's own: empty for none at all. */
        private final Map<String, byte[]> resources;

        WeavingLoader(HookWeaver weaver) {
            this(weaver, Map.of());
        }

        WeavingLoader(HookWeaver weaver, Map<String, byte[]> resources) {
            super(HookWeaverTest.class.getClassLoader());
            this.weaver = weaver;
            this.resources = resources;
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            byte[] served = resources.get(name);
            if (served == null) {
                return super.getResourceAsStream(name);
            }
            return served.length == 0 ? null : new ByteArrayInputStream(served);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (!name.equals(TARGET)) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    byte[] original = classFile(name);
                    byte[] woven = weaver.transform(this, name.replace('.', '/'), null, null, original);
                    byte[] bytes = woven == null ? original : woven;
                    loaded = defineClass(name, bytes, 0, bytes.length);
                }
                return loaded;
            }
        }
    }
}
