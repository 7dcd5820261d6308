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
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.SimpleRemapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The differential test of the two weavers: a corpus of class-file shapes (javac 8 and 17 targets, class file
 * versions 48 to 50 with and without stack map frames, JSR/RET subroutines, a parameter reassigned and a parameter
 * slot reused for another type, long and double locals, static methods, constructors, an interface's default method,
 * a method near the 64 KiB limit) is woven with the same advice ({@link CorpusAdvice}) by the agent's own weaver
 * ({@link HookWeaver}) and by Byte Buddy ({@link ByteBuddyHooks}), each class defined in a loader of its own (so the
 * JVM verifies it) and run: both must verify or both refuse (reported, the class unchanged), the host must see the
 * same results, and the advice must observe the same values.
 */
class WeaverCorpusTest {
    private static final String PLAIN = """
            package corpus;
            public class NAME {
                private final int base = 7;
                public int run(int code, String name) {
                    code = code + 1000;
                    long total = code;
                    double ratio = total / 2.0;
                    for (int i = 0; i < name.length(); i++) {
                        total += name.charAt(i);
                    }
                    if (name.equals("throw")) {
                        throw new IllegalStateException("thrown");
                    }
                    try {
                        if (total < 0) {
                            throw new IllegalArgumentException();
                        }
                    } catch (IllegalArgumentException e) {
                        total = -1;
                    }
                    return (int) (total + (long) ratio) + base;
                }
                public static int twice(int code, String name) {
                    code = code * 2;
                    if (name.equals("throw")) {
                        throw new IllegalStateException("thrown");
                    }
                    return code;
                }
            }
            """;
    private static final String MADE = """
            package corpus;
            public class NAME {
                public final int code;
                public NAME(int code, String name) {
                    code = code + 1;
                    this.code = code + name.length();
                }
            }
            """;
    private static final String DEFAULTED = """
            package corpus;
            public interface NAME {
                default int run(int code, String name) {
                    code = code - 1;
                    if (name.equals("throw")) {
                        throw new IllegalStateException("thrown");
                    }
                    return code * 2;
                }
            }
            """;
    private static final String DEFAULTED_IMPL = """
            package corpus;
            public class NAMEImpl implements NAME {
            }
            """;

    /** One shape: its classes, the hooks on them, and how the host calls it. */
    private record Shape(String name, Map<String, byte[]> classes, TypeHooks hooks, Call call) {
    }

    private interface Call {
        Object on(ClassLoader loader, int code, String name) throws Exception;
    }

    /** What one weaver made of one shape. */
    private record Run(List<String> failures, List<Object> results, List<List<Object>> seen) {
    }

    @AfterEach
    void forget() {
        WeavingProbe.SEEN.clear();
    }

    @Test
    void bothWeaversAgreeOnEveryShape() throws Exception {
        List<String> summary = new ArrayList<>();
        for (Shape shape : corpus()) {
            Run own = run(shape, false);
            Run byteBuddy = run(shape, true);
            assertEquals(byteBuddy.failures().isEmpty(), own.failures().isEmpty(), shape.name()
                    + ": one weaver refused, the other did not: own " + own.failures() + ", Byte Buddy "
                    + byteBuddy.failures());
            assertEquals(byteBuddy.results(), own.results(), shape.name() + ": what the host sees");
            assertEquals(byteBuddy.seen(), own.seen(), shape.name() + ": what the advice sees");
            summary.add(shape.name() + (own.failures().isEmpty() ? " woven" : " refused by both"));
        }
        assertEquals(List.of("javac 17 woven", "javac 8 woven", "kotlinc woven", "version 50 with frames woven",
                "version 50 without frames woven", "version 49 woven", "version 48 woven", "JSR/RET woven",
                "a parameter slot reused for an int woven", "javac 17 constructor woven",
                "javac 8 constructor woven", "javac 17 default method woven", "javac 8 default method woven",
                "a method near 64 KiB refused by both", "a hooked method gone in this version refused by both",
                "an advice that throws a LinkageError woven"), summary);
    }

    /** What Byte Buddy shows and the agent's weaver must show: the arguments as they were on entry, at the exit. */
    @Test
    void exitAdviceSeesTheArgumentsAsTheyWereOnEntry() throws Exception {
        Shape javac17 = shape("javac 17");
        Run own = run(javac17, false);
        assertEquals(List.of(), own.failures());
        assertEquals(List.of("exit", 3L, "corpus.Javac17", 1, "ab", List.of(1, "ab"), 1703), own.seen().get(1));
        assertEquals(List.of("exit", 1, "ab", 2), own.seen().get(3), "the static method's");
    }

    @Test
    void aParameterSlotReusedForAnotherTypeStillVerifiesWithAnExitOnThrowable() throws Exception {
        Shape reused = shape("a parameter slot reused for an int");
        Run own = run(reused, false);
        assertEquals(List.of(), own.failures());
        assertEquals(List.of(1003, "java.lang.IllegalStateException"), own.results());
    }

    @Test
    void aThrowableInsideAdviceReachesTheBridgeFromBothWeaversAndNeverTheHost() throws Exception {
        Shape failing = shape("an advice that throws a LinkageError");
        for (boolean byteBuddy : new boolean[] {false, true}) {
            Run run = run(failing, byteBuddy);
            assertEquals(List.of(), run.failures());
            assertEquals(List.of(List.of(1703, 2), "java.lang.IllegalStateException"), run.results());
            assertEquals(List.of("bridge", "failed", "instrumentation",
                    "java.lang.NoSuchMethodError: gone in this version: ab"), run.seen().get(0));
        }
    }

    @Test
    void originWorksInClassFilesOlderThanJava5() throws Exception {
        Shape version48 = shape("version 48");
        Run own = run(version48, false);
        assertEquals(List.of(), own.failures());
        assertEquals("corpus.V48", own.seen().get(0).get(5));
    }

    private static Run run(Shape shape, boolean byteBuddy) throws Exception {
        WeavingProbe.SEEN.clear();
        List<String> failures = new ArrayList<>();
        HookOutcome outcome = new HookOutcome() {
            @Override
            public void hooked(InstrumentationModule module, TypeHooks hooks, String typeName) {
            }

            @Override
            public void failed(InstrumentationModule module, String typeName, Throwable error) {
                failures.add(typeName + ": " + error);
            }
        };
        WeavingPlan plan = WeavingPlan.of(List.of(module(shape.hooks())), WeaverCorpusTest.class.getClassLoader(),
                CloseWatchBridge.class);
        ClassFileTransformer weaver = byteBuddy ? ByteBuddyHooks.builder(plan, outcome).makeRaw()
                : new HookWeaver(plan, outcome);
        CorpusLoader loader = new CorpusLoader(shape.classes(), weaver);
        List<Object> results = new ArrayList<>();
        // What a failing advice hands the bridge is part of what both weavers must agree on.
        CloseWatchBridge.install((CloseWatchBridge.Events) Proxy.newProxyInstance(
                WeaverCorpusTest.class.getClassLoader(), new Class<?>[] {CloseWatchBridge.Events.class},
                (proxy, method, arguments) -> {
                    WeavingProbe.saw("bridge", method.getName(), arguments[0], String.valueOf(arguments[1]));
                    return null;
                }));
        try {
            for (String name : List.of("ab", "throw")) {
                try {
                    results.add(shape.call().on(loader, 1, name));
                } catch (InvocationTargetException e) {
                    results.add(e.getCause().getClass().getName());
                }
            }
        } finally {
            CloseWatchBridge.install(null);
        }
        return new Run(failures, results, new ArrayList<>(WeavingProbe.SEEN));
    }

    private static InstrumentationModule module(TypeHooks hooks) {
        return new OneHookModule("corpus", hooks);
    }

    /** Compiled once for all the tests (javac takes its time). */
    private static List<Shape> corpus;

    private static synchronized List<Shape> corpus() {
        if (corpus == null) {
            corpus = List.copyOf(newCorpus());
        }
        return corpus;
    }

    private static List<Shape> newCorpus() {
        List<Shape> shapes = new ArrayList<>();
        byte[] plain8 = compile("Javac8", PLAIN, "8").get("corpus/Javac8");
        shapes.add(plain("javac 17", "Javac17", compile("Javac17", PLAIN, "17").get("corpus/Javac17")));
        shapes.add(plain("javac 8", "Javac8", plain8));
        shapes.add(plain("kotlinc", "KotlinShape", testClassFile("corpus/KotlinShape")));
        shapes.add(plain("version 50 with frames", "V50", retarget(plain8, "Javac8", "V50", Opcodes.V1_6, true)));
        shapes.add(plain("version 50 without frames", "V50NoFrames",
                retarget(plain8, "Javac8", "V50NoFrames", Opcodes.V1_6, false)));
        shapes.add(plain("version 49", "V49", retarget(plain8, "Javac8", "V49", Opcodes.V1_5, false)));
        shapes.add(plain("version 48", "V48", retarget(plain8, "Javac8", "V48", Opcodes.V1_4, false)));
        shapes.add(instanceRun("JSR/RET", "Subroutine", subroutine()));
        shapes.add(instanceRun("a parameter slot reused for an int", "Reused", reusedSlot()));
        shapes.add(constructor("javac 17 constructor", "Made17", compile("Made17", MADE, "17")));
        shapes.add(constructor("javac 8 constructor", "Made8", compile("Made8", MADE, "8")));
        shapes.add(defaulted("javac 17 default method", "Defaulted17", "17"));
        shapes.add(defaulted("javac 8 default method", "Defaulted8", "8"));
        shapes.add(instanceRun("a method near 64 KiB", "Huge", huge(21_830)));
        byte[] javac17 = compile("Javac17", PLAIN, "17").get("corpus/Javac17");
        shapes.add(new Shape("a hooked method gone in this version", Map.of("corpus/Javac17", javac17),
                new TypeHooks(TypeMatch.named("corpus.Javac17")).advice(MethodMatch.named("runRenamed"),
                        CorpusAdvice.OnInstance.class.getName()), plain("", "Javac17", javac17).call()));
        shapes.add(new Shape("an advice that throws a LinkageError", Map.of("corpus/Javac17", javac17),
                new TypeHooks(TypeMatch.named("corpus.Javac17")).advice(MethodMatch.named("run"),
                        CorpusAdvice.Failing.class.getName()), plain("", "Javac17", javac17).call()));
        return shapes;
    }

    private static Shape shape(String name) {
        return corpus().stream().filter(shape -> shape.name().equals(name)).findFirst().orElseThrow();
    }

    private static Shape plain(String name, String simpleName, byte[] classFile) {
        TypeHooks hooks = new TypeHooks(TypeMatch.named("corpus." + simpleName))
                .advice(MethodMatch.named("run").takesArguments("int", "java.lang.String"),
                        CorpusAdvice.OnInstance.class.getName())
                .advice(MethodMatch.named("twice"), CorpusAdvice.OnStatic.class.getName());
        return new Shape(name, Map.of("corpus/" + simpleName, classFile), hooks, (loader, code, text) -> {
            Class<?> type = Class.forName("corpus." + simpleName, true, loader);
            Object run = type.getMethod("run", int.class, String.class)
                    .invoke(type.getConstructor().newInstance(), code, text);
            Object twice;
            try {
                twice = type.getMethod("twice", int.class, String.class).invoke(null, code, text);
            } catch (InvocationTargetException e) {
                twice = e.getCause().getClass().getName();
            }
            return List.of(run, twice);
        });
    }

    private static Shape instanceRun(String name, String simpleName, byte[] classFile) {
        TypeHooks hooks = new TypeHooks(TypeMatch.named("corpus." + simpleName))
                .advice(MethodMatch.named("run"), CorpusAdvice.OnInstance.class.getName());
        return new Shape(name, Map.of("corpus/" + simpleName, classFile), hooks, (loader, code, text) -> {
            Class<?> type = Class.forName("corpus." + simpleName, true, loader);
            return type.getMethod("run", int.class, String.class).invoke(type.getConstructor().newInstance(),
                    code, text);
        });
    }

    private static Shape constructor(String name, String simpleName, Map<String, byte[]> classes) {
        TypeHooks hooks = new TypeHooks(TypeMatch.named("corpus." + simpleName))
                .advice(MethodMatch.constructor().takesArguments(2), CorpusAdvice.OnConstructor.class.getName());
        return new Shape(name, classes, hooks, (loader, code, text) -> {
            Object made = Class.forName("corpus." + simpleName, true, loader)
                    .getConstructor(int.class, String.class).newInstance(code, text);
            return made.getClass().getDeclaredField("code").get(made);
        });
    }

    private static Shape defaulted(String name, String simpleName, String release) {
        Map<String, byte[]> classes = new HashMap<>(compile(simpleName, DEFAULTED, release));
        classes.putAll(compile(simpleName + "Impl", DEFAULTED_IMPL.replace("NAMEImpl", simpleName + "Impl")
                .replace("implements NAME", "implements " + simpleName), release, DEFAULTED.replace("NAME",
                simpleName), simpleName));
        TypeHooks hooks = new TypeHooks(TypeMatch.named("corpus." + simpleName))
                .advice(MethodMatch.named("run"), CorpusAdvice.OnInstance.class.getName());
        return new Shape(name, classes, hooks, (loader, code, text) -> {
            Class<?> type = Class.forName("corpus." + simpleName, true, loader);
            Object impl = Class.forName("corpus." + simpleName + "Impl", true, loader).getConstructor().newInstance();
            return type.getMethod("run", int.class, String.class).invoke(impl, code, text);
        });
    }

    /** A class file of the test class path (the Kotlin shape, compiled by the build). */
    private static byte[] testClassFile(String internalName) {
        try (InputStream in = WeaverCorpusTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code source} with NAME as {@code simpleName}, compiled by the running JDK's javac for {@code release}. */
    static Map<String, byte[]> compile(String simpleName, String source, String release) {
        return compile(simpleName, source.replace("NAME", simpleName), release, null, null);
    }

    private static Map<String, byte[]> compile(String simpleName, String source, String release, String other,
                                               String otherName) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Map<String, ByteArrayOutputStream> written = new LinkedHashMap<>();
        List<JavaFileObject> sources = new ArrayList<>(List.of(sourceFile(simpleName, source)));
        if (other != null) {
            sources.add(sourceFile(otherName, other));
        }
        var files = new javax.tools.ForwardingJavaFileManager<>(javac.getStandardFileManager(null, null, null)) {
            @Override
            public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                       javax.tools.FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/') + ".class"),
                        kind) {
                    @Override
                    public OutputStream openOutputStream() {
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        written.put(className.replace('.', '/'), out);
                        return out;
                    }
                };
            }
        };
        List<String> options = List.of("--release", release, "-nowarn", "-Xlint:-options");
        if (!javac.getTask(null, files, null, options, null, sources).call()) {
            throw new IllegalStateException("javac failed on " + simpleName);
        }
        Map<String, byte[]> classes = new HashMap<>();
        written.forEach((name, out) -> classes.put(name, out.toByteArray()));
        return classes;
    }

    private static JavaFileObject sourceFile(String simpleName, String source) {
        return new SimpleJavaFileObject(URI.create("mem:///corpus/" + simpleName + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
    }

    /** {@code classFile} renamed, at another class file version, with or without its stack map frames. */
    private static byte[] retarget(byte[] classFile, String from, String to, int version, boolean frames) {
        ClassWriter writer = new ClassWriter(0);
        ClassVisitor versioned = new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int v, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(version, access, name, signature, superName, interfaces);
            }
        };
        new ClassReader(classFile).accept(new ClassRemapper(versioned, new SimpleRemapper("corpus/" + from,
                "corpus/" + to)), frames ? 0 : ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }

    /** Version 49: {@code run} adds 5 to its first argument in a JSR/RET subroutine, as old javac wrote finally. */
    private static byte[] subroutine() {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V1_5, Opcodes.ACC_PUBLIC, "corpus/Subroutine", null, "java/lang/Object", null);
        constructor(writer);
        MethodVisitor run = writer.visitMethod(Opcodes.ACC_PUBLIC, "run", "(ILjava/lang/String;)I", null, null);
        run.visitCode();
        Label subroutine = new Label();
        run.visitVarInsn(Opcodes.ILOAD, 1);
        run.visitVarInsn(Opcodes.ISTORE, 3);
        run.visitJumpInsn(Opcodes.JSR, subroutine);
        run.visitVarInsn(Opcodes.ILOAD, 3);
        run.visitInsn(Opcodes.IRETURN);
        run.visitLabel(subroutine);
        run.visitVarInsn(Opcodes.ASTORE, 4);
        run.visitIincInsn(3, 5);
        run.visitVarInsn(Opcodes.RET, 4);
        run.visitMaxs(1, 5);
        run.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * Version 52 with frames, as an optimiser (not javac) writes it: {@code run} reassigns its int parameter and reuses
     * the String parameter's slot for an int (its length); it throws for a name of 5 characters, else returns the sum.
     */
    private static byte[] reusedSlot() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC, "corpus/Reused", null, "java/lang/Object", null);
        constructor(writer);
        MethodVisitor run = writer.visitMethod(Opcodes.ACC_PUBLIC, "run", "(ILjava/lang/String;)I", null, null);
        run.visitCode();
        run.visitIincInsn(1, 1000);
        run.visitVarInsn(Opcodes.ALOAD, 2);
        run.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "length", "()I", false);
        run.visitVarInsn(Opcodes.ISTORE, 2);
        run.visitVarInsn(Opcodes.ILOAD, 2);
        run.visitInsn(Opcodes.ICONST_5);
        Label sum = new Label();
        run.visitJumpInsn(Opcodes.IF_ICMPNE, sum);
        run.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalStateException");
        run.visitInsn(Opcodes.DUP);
        run.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/IllegalStateException", "<init>", "()V", false);
        run.visitInsn(Opcodes.ATHROW);
        run.visitLabel(sum);
        run.visitVarInsn(Opcodes.ILOAD, 1);
        run.visitVarInsn(Opcodes.ILOAD, 2);
        run.visitInsn(Opcodes.IADD);
        run.visitInsn(Opcodes.IRETURN);
        run.visitMaxs(0, 0);
        run.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** Version 52: {@code run} is {@code increments} times 3 bytes of straight code, and 2 to return. */
    private static byte[] huge(int increments) {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC, "corpus/Huge", null, "java/lang/Object", null);
        constructor(writer);
        MethodVisitor run = writer.visitMethod(Opcodes.ACC_PUBLIC, "run", "(ILjava/lang/String;)I", null, null);
        run.visitCode();
        for (int i = 0; i < increments; i++) {
            run.visitIincInsn(1, 1);
        }
        run.visitVarInsn(Opcodes.ILOAD, 1);
        run.visitInsn(Opcodes.IRETURN);
        run.visitMaxs(1, 3);
        run.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    private static void constructor(ClassWriter writer) {
        MethodVisitor init = writer.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(1, 1);
        init.visitEnd();
    }

    /** Defines the corpus classes through one weaver, and serves their files as the JVM's loaders do. */
    private static final class CorpusLoader extends ClassLoader {
        private final Map<String, byte[]> classes;
        private final ClassFileTransformer weaver;

        CorpusLoader(Map<String, byte[]> classes, ClassFileTransformer weaver) {
            super(WeaverCorpusTest.class.getClassLoader());
            this.classes = classes;
            this.weaver = weaver;
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] original = classes.get(name.replace('.', '/'));
            if (original == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] woven;
            try {
                woven = weaver.transform(this, name.replace('.', '/'), null, null, original);
            } catch (Exception e) {
                woven = null; // as the JVM does with a transformer that throws (Byte Buddy's does, after reporting)
            }
            byte[] bytes = woven == null ? original : woven;
            return defineClass(name, bytes, 0, bytes.length);
        }

        @Override
        public InputStream getResourceAsStream(String name) {
            byte[] original = name.endsWith(".class") ? classes.get(name.substring(0, name.length() - 6)) : null;
            return original != null ? new ByteArrayInputStream(original) : super.getResourceAsStream(name);
        }
    }

    /**
     * The one difference the corpus shows, deliberate: the agent's weaver calls its advice where Byte Buddy inlines
     * it, so a method that leaves about 100 bytes below the JVM's 64 KiB limit has room for the calls, not for the
     * inlined code. The agent's weaver hooks it (and the advice sees what it should); Byte Buddy refuses it, reported.
     */
    @Test
    void aMethodAFewHundredBytesUnderTheLimitIsWovenByTheAgentsWeaverOnly() throws Exception {
        Shape almostHuge = instanceRun("a method 100 bytes under 64 KiB", "Huge", huge(21_800));
        Run own = run(almostHuge, false);
        Run byteBuddy = run(almostHuge, true);
        assertEquals(List.of(), own.failures());
        assertEquals(List.of(21_801, 21_801), own.results());
        assertEquals(List.of("exit", 3L, "corpus.Huge", 1, "ab", List.of(1, "ab"), 21_801), own.seen().get(1));
        assertEquals(1, byteBuddy.failures().size(), byteBuddy.failures()::toString);
        assertTrue(byteBuddy.failures().get(0).contains("MethodTooLargeException"), byteBuddy.failures()::toString);
        assertEquals(List.of(21_801, 21_801), byteBuddy.results(), "unchanged, it runs as it is");
    }

    @Test
    void theCorpusIsWhatItSays() {
        assertEquals(Opcodes.V1_4, new ClassReader(shape("version 48").classes().get("corpus/V48"))
                .readUnsignedShort(6));
        assertEquals(52, new ClassReader(shape("javac 8").classes().get("corpus/Javac8")).readUnsignedShort(6));
        assertTrue(shape("a method near 64 KiB").classes().get("corpus/Huge").length > 65_400);
        assertTrue(new String(shape("kotlinc").classes().get("corpus/KotlinShape"), java.nio.charset.StandardCharsets
                .ISO_8859_1).contains("kotlin/jvm/internal/Intrinsics"), "compiled by kotlinc");
    }
}
