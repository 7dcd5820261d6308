package io.closewatch.agent.instrumentation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

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
        InstrumentationModule module = new InstrumentationModule() {
            @Override
            public String stack() {
                return "test";
            }

            @Override
            public String[] classFileNames() {
                return new String[] {"HookWeaverTest"};
            }

            @Override
            public List<TypeHooks> hooks() {
                return List.of(hooks);
            }
        };
        return new HookWeaver(List.of(module), List.of(), getClass().getClassLoader(), new HookOutcome() {
            @Override
            public void hooked(InstrumentationModule module, TypeHooks typeHooks, String typeName) {
                hooked.add(typeName);
            }

            @Override
            public void failed(String typeName, Throwable error) {
                failed.add(typeName + ": " + error.getMessage());
            }
        });
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

    /** A class already loaded cannot gain the advice's methods: retransformation is Byte Buddy's. */
    @Test
    void aLoadedClassIsNeverRewoven() {
        HookWeaver weaver = weaver(onJoin(WeavingAdvice.Bindings.class));
        assertNull(weaver.transform(getClass().getClassLoader(), TARGET.replace('.', '/'), Target.class, null,
                classFile(TARGET)));
        byte[] woven = weaver.transform(getClass().getClassLoader(), TARGET.replace('.', '/'), null, null,
                classFile(TARGET));
        assertInstanceOf(byte[].class, woven);
        assertEquals(List.of(TARGET), hooked, failed::toString);
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

        WeavingLoader(HookWeaver weaver) {
            super(HookWeaverTest.class.getClassLoader());
            this.weaver = weaver;
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
