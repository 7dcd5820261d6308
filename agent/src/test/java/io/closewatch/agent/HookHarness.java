package io.closewatch.agent;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Labels;
import io.closewatch.agent.instrumentation.HookOutcome;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.handshake.UncountedHandshakes;
import io.closewatch.agent.metrics.CloseMeters;
import io.closewatch.agent.metrics.MetricNames;
import io.closewatch.agent.recording.AgentErrors;
import io.closewatch.agent.recording.CloseRecorder;
import io.closewatch.agent.weaving.ByteBuddyHooks;
import io.closewatch.agent.weaving.HookWeaver;
import io.closewatch.agent.weaving.PreFilteredTransformer;
import io.closewatch.agent.weaving.WeavingPlan;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;
import org.slf4j.helpers.NOPLogger;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fast test tier for hooks: a module's real matchers and advice, applied to small stand-ins of the library's
 * types inside the test JVM by the agent's own weaver ({@link HookWeaver}, what an agent started with the JVM uses)
 * or, with the system property {@value #WEAVER} set to {@value #BYTE_BUDDY}, by its Byte Buddy configuration
 * ({@link ByteBuddyHooks}, what an attached agent uses): the build runs these tests with both. The
 * stand-ins are test classes under the library's own class names (or, where the JDK owns the package, templates
 * renamed as they are read); a child-first loader defines them through the transformer, as the JVM would hand them
 * to the agent. What the advice reports goes through the real bridge into a real {@link CloseRecorder}, so a test
 * asserts the series a close ends up in.
 */
public final class HookHarness implements AutoCloseable {
    /** The system property that picks the weaver: the agent's own (premain), or {@value #BYTE_BUDDY} (attach). */
    public static final String WEAVER = "closewatch.test.weaver";
    public static final String BYTE_BUDDY = "byte-buddy";

    private final PrometheusMeterRegistry registry = CloseMeters.newRegistry("app", "1");
    private final ClassFileTransformer transformer;
    private final Set<String> transformed = ConcurrentHashMap.newKeySet();
    private final Set<String> uncounted = ConcurrentHashMap.newKeySet();
    private final List<Throwable> errors = new ArrayList<>();
    private final HookedLoader loader;

    /**
     * @param hooked  prefixes of the class names the child-first loader defines itself, through the transformer
     * @param renamed stand-ins whose class name the JDK owns: the name as hooked, to the template's name
     */
    public HookHarness(List<InstrumentationModule> modules, List<String> hooked, Map<String, String> renamed) {
        this(modules, hooked, renamed, List.of());
    }

    /**
     * @param hidden prefixes of resource names the loader does not show, though the test's class path has them: a
     *               library that is there only because the agent compiles against it (Vert.x beside Netty, say)
     */
    public HookHarness(List<InstrumentationModule> modules, List<String> hooked, Map<String, String> renamed,
                       List<String> hidden) {
        this(modules, null, hooked, renamed, hidden);
    }

    /**
     * The handshake detector alone, as the agent applies it.
     *
     * @param covered name prefixes of the classes that counting modules cover
     * @param hooked  prefixes of the class names the child-first loader defines itself, through the transformer
     */
    public static HookHarness detectingHandshakes(List<String> covered, String... hooked) {
        return new HookHarness(List.of(), UncountedHandshakes.hooks(covered), List.of(hooked), Map.of(), List.of());
    }

    private HookHarness(List<InstrumentationModule> modules, TypeHooks handshakes, List<String> hooked,
                        Map<String, String> renamed, List<String> hidden) {
        HookOutcome outcome = new HookOutcome() {
            @Override
            public void hooked(InstrumentationModule module, TypeHooks hooks, String typeName) {
                transformed.add(typeName);
            }

            @Override
            public void failed(InstrumentationModule module, String typeName, Throwable error) {
                errors.add(new AssertionError(typeName, error));
            }

            @Override
            public void uncounted(String typeName) {
                uncounted.add(typeName);
            }
        };
        WeavingPlan plan = new WeavingPlan(modules, List.of(), List.of(), handshakes,
                HookInstaller.class.getClassLoader(), CloseWatchBridge.class, null);
        // Byte Buddy behind the byte search, as the attached agent installs it (which hands it the class file too).
        transformer = BYTE_BUDDY.equals(System.getProperty(WEAVER))
                ? PreFilteredTransformer.decorator(HookInstaller.classFileNames(false))
                        .decorate((ResettableClassFileTransformer) ByteBuddyHooks.builder(plan, outcome).makeRaw())
                : new HookWeaver(plan, outcome);
        loader = new HookedLoader(hooked, renamed, hidden);
        CloseWatchBridge.install(new CloseRecorder(new CloseMeters(registry, "test", 100, 500, 20),
                new AgentErrors(registry, NOPLogger.NOP_LOGGER), System::nanoTime));
    }

    public HookHarness(List<InstrumentationModule> modules, String... hooked) {
        this(modules, List.of(hooked), Map.of());
    }

    /** A new instance of the stand-in {@code className}, defined through the transformer. */
    public Object newInstance(String className, Class<?>[] parameterTypes, Object... arguments) throws Exception {
        return type(className).getDeclaredConstructor(parameterTypes).newInstance(arguments);
    }

    public Object newInstance(String className) throws Exception {
        return newInstance(className, new Class<?>[0]);
    }

    /** Calls a stand-in's method, which the test cannot name in its code: the test's own loader has no such type. */
    public static Object call(Object target, String method, Class<?>[] parameterTypes, Object... arguments)
            throws Exception {
        Method declared = target.getClass().getDeclaredMethod(method, parameterTypes);
        declared.setAccessible(true);
        try {
            return declared.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** The stand-in {@code className}, failing if the weaver failed on any type or did not transform this one. */
    public Class<?> type(String className) throws ClassNotFoundException {
        Class<?> type = loaded(className);
        if (!errors.isEmpty()) {
            throw new AssertionError("the weaver failed on a type", errors.get(0));
        }
        if (!transformed.contains(className)) {
            throw new AssertionError(className + " was not instrumented");
        }
        return type;
    }

    /** The stand-in {@code className} as it loaded, hooked or not. */
    public Class<?> loaded(String className) throws ClassNotFoundException {
        return Class.forName(className, true, loader);
    }

    /** The types reported as an uncounted WebSocket implementation (they hold the accept GUID). */
    public Set<String> uncounted() {
        return new TreeSet<>(uncounted);
    }

    /** {@code closewatch_handshakes_uncounted_total} by implementation, those with a count. */
    public Map<String, Double> uncountedHandshakes() {
        Map<String, Double> handshakes = new TreeMap<>();
        for (Counter counter : registry.find(MetricNames.HANDSHAKES_UNCOUNTED).counters()) {
            if (counter.count() != 0) {
                handshakes.put(counter.getId().getTag(Labels.IMPLEMENTATION), counter.count());
            }
        }
        return handshakes;
    }

    /** The types the weaver failed to hook; they loaded unchanged. */
    public List<String> failures() {
        return errors.stream().map(Throwable::getMessage).toList();
    }

    /**
     * Every {@code websocket_closes_total} series with a count, as
     * {@code "api side endpoint code category initiator"}: a test compares the whole map, so a series counted twice,
     * lost or counted under other labels fails it.
     */
    public Map<String, Double> closes() {
        return counted(MetricNames.CLOSES, Labels.CATEGORY, Labels.INITIATOR);
    }

    /** Every {@code websocket_close_causes_total} series with a count, as {@code "api side endpoint code cause"}. */
    public Map<String, Double> causes() {
        return counted(MetricNames.CLOSE_CAUSES, Labels.CAUSE);
    }

    /** The series of {@code counter} with a count, by api, side, endpoint, code and then {@code moreLabels}. */
    private Map<String, Double> counted(String counter, String... moreLabels) {
        Map<String, Double> series = new TreeMap<>();
        for (Counter one : registry.find(counter).counters()) {
            Meter.Id id = one.getId();
            if (one.count() != 0) {
                StringBuilder key = new StringBuilder(String.join(" ", id.getTag(Labels.API), id.getTag(Labels.SIDE),
                        id.getTag(Labels.ENDPOINT), id.getTag(Labels.CODE)));
                for (String label : moreLabels) {
                    key.append(' ').append(id.getTag(label));
                }
                series.put(key.toString(), one.count());
            }
        }
        return series;
    }

    /**
     * {@link #closes}, once they are {@code expected} or after 10 s: for stacks that count a session on another
     * thread, after they told the application it ended.
     */
    public Map<String, Double> awaitCloses(Map<String, Double> expected) throws InterruptedException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        Map<String, Double> closes = closes();
        while (!closes.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(5);
            closes = closes();
        }
        return closes;
    }

    /** Every (api, side, endpoint) with meters, as {@code "api side endpoint"}, whether it saw a close or not. */
    public Set<String> endpoints() {
        Set<String> endpoints = new TreeSet<>();
        for (Gauge gauge : registry.find(MetricNames.SESSIONS_ACTIVE).gauges()) {
            Meter.Id id = gauge.getId();
            endpoints.add(String.join(" ", id.getTag(Labels.API), id.getTag(Labels.SIDE), id.getTag(Labels.ENDPOINT)));
        }
        return endpoints;
    }

    /** Sessions opened and not yet ended, over all series. */
    public double active() {
        return registry.find(MetricNames.SESSIONS_ACTIVE).gauges().stream().mapToDouble(Gauge::value).sum();
    }

    @Override
    public void close() {
        CloseWatchBridge.install(null);
    }

    /** Defines the stand-ins itself, transformed; everything else comes from the test's class path. */
    private final class HookedLoader extends ClassLoader {
        private final List<String> hooked;
        private final Map<String, String> renamed;
        private final List<String> hidden;

        HookedLoader(List<String> hooked, Map<String, String> renamed, List<String> hidden) {
            super(HookHarness.class.getClassLoader());
            this.hooked = hooked;
            this.renamed = renamed;
            this.hidden = hidden;
        }

        @Override
        public java.net.URL getResource(String name) {
            return hidden.stream().anyMatch(name::startsWith) ? null : super.getResource(name);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> type = findLoadedClass(name);
                if (type == null) {
                    type = isHooked(name) ? define(name) : super.loadClass(name, false);
                }
                if (resolve) {
                    resolveClass(type);
                }
                return type;
            }
        }

        private boolean isHooked(String name) {
            return renamed.keySet().stream().anyMatch(name::startsWith) || hooked.stream().anyMatch(name::startsWith);
        }

        private Class<?> define(String name) throws ClassNotFoundException {
            byte[] classFile = classFile(name);
            if (classFile == null) {
                throw new ClassNotFoundException(name);
            }
            byte[] bytes = classFile;
            try {
                byte[] instrumented = transformer.transform(getUnnamedModule(), this, name.replace('.', '/'), null,
                        null, classFile);
                bytes = instrumented == null ? classFile : instrumented;
            } catch (IllegalClassFormatException | RuntimeException e) {
                // As the JVM does: a transformer that throws leaves the class as it is (Byte Buddy throws after it
                // has told the listener; the agent's weaver never throws).
            }
            return defineClass(name, bytes, 0, bytes.length);
        }

        /** The weavers read the stand-ins' class files through here too, under the names they are hooked by. */
        @Override
        public InputStream getResourceAsStream(String resource) {
            if (resource.endsWith(".class")) {
                byte[] classFile = classFile(resource.substring(0, resource.length() - 6).replace('/', '.'));
                if (classFile != null) {
                    return new ByteArrayInputStream(classFile);
                }
            }
            return super.getResourceAsStream(resource);
        }

        private byte[] classFile(String name) {
            for (Map.Entry<String, String> rename : renamed.entrySet()) {
                if (name.startsWith(rename.getKey())) {
                    String template = rename.getValue() + name.substring(rename.getKey().length());
                    byte[] original = read(template);
                    return original == null ? null : rename(original, rename.getValue(), rename.getKey());
                }
            }
            return read(name);
        }

        private byte[] read(String name) {
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The template's class file with its own name, and its nested classes' names, as hooked. */
        private byte[] rename(byte[] classFile, String from, String to) {
            String fromInternal = from.replace('.', '/');
            String toInternal = to.replace('.', '/');
            ClassReader reader = new ClassReader(classFile);
            ClassWriter writer = new ClassWriter(0);
            reader.accept(new ClassRemapper(writer, new Remapper() {
                @Override
                public String map(String internalName) {
                    return internalName.equals(fromInternal) || internalName.startsWith(fromInternal + '$')
                            ? toInternal + internalName.substring(fromInternal.length()) : internalName;
                }
            }), 0);
            return writer.toByteArray();
        }
    }
}
