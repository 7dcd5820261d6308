package io.closewatch.agent.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the bridge classes (and only those) into the bootstrap class loader, with the JDK alone: this runs in
 * {@code premain}, on the host's start-up path, where loading Byte Buddy would cost the host hundreds of
 * milliseconds.
 * <p>
 * They are defined there directly, not found on an appended boot class path: appending to it makes the JVM give up
 * class data sharing for every other class loader and print a warning on the host's standard error. Defining a class
 * into the bootstrap loader takes the JDK's internal {@code Unsafe}; its package is exported to one module only, the
 * unnamed module of a class loader of the agent's own ({@link BootstrapDefiner}), never to the host's code. Should a
 * JDK refuse that, the bridge goes onto the boot class path after all: counting matters more than the warning.
 */
public final class BootstrapBridge {
    static final String[] CLASSES = {
        "io.closewatch.agent.bootstrap.CloseWatchBridge$Events",
        "io.closewatch.agent.bootstrap.CloseWatchBridge",
    };

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);

    private BootstrapBridge() {
    }

    public static void inject(Instrumentation instrumentation) throws Exception {
        if (InjectedFaults.BRIDGE.isOn()) {
            throw new IOException("bridge injection disabled by " + InjectedFaults.PROPERTY + "=bridge");
        }
        if (alreadyInBootstrap()) {
            return; // attached twice: the first agent's bridge stays
        }
        try {
            if (InjectedFaults.DEFINE.isOn()) {
                throw new IllegalStateException("direct definition disabled by " + InjectedFaults.PROPERTY);
            }
            define(instrumentation);
        } catch (Exception | LinkageError refused) {
            appendToBootClassPath(instrumentation);
        }
    }

    private static void define(Instrumentation instrumentation) throws Exception {
        BiConsumer<String, byte[]> definer = BootstrapDefiner.load(BootstrapBridge.class.getClassLoader());
        Module definerModule = definer.getClass().getModule();
        instrumentation.redefineModule(Object.class.getModule(), Set.of(),
                Map.of("jdk.internal.misc", Set.of(definerModule)), Map.of(), Set.of(), Map.of());
        for (String name : CLASSES) {
            definer.accept(name, classFile(name));
        }
    }

    /** The fallback: a jar of the bridge classes, appended to the boot class path. */
    private static void appendToBootClassPath(Instrumentation instrumentation) throws IOException {
        Path jar = createTempJar();
        jar.toFile().deleteOnExit();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String name : CLASSES) {
                JarEntry entry = new JarEntry(name.replace('.', '/') + ".class");
                entry.setTimeLocal(ENTRY_TIME); // a time zone lookup otherwise
                out.putNextEntry(entry);
                out.write(classFile(name));
                out.closeEntry();
            }
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar.toFile()));
    }

    /**
     * Like {@link Files#createTempFile}, which seeds a {@code SecureRandom} and so loads the security providers on
     * the host's start-up path; a new file (never an existing one or a link) named after the clock does as well.
     */
    private static Path createTempJar() throws IOException {
        Path directory = Path.of(System.getProperty("java.io.tmpdir"));
        for (int attempt = 0; ; attempt++) {
            Path jar = directory.resolve("closewatch-bootstrap-" + System.nanoTime() + ".jar");
            try {
                return Files.createFile(jar);
            } catch (FileAlreadyExistsException taken) {
                if (attempt == 9) {
                    throw taken;
                }
            }
        }
    }

    static byte[] classFile(String name) throws IOException {
        String path = name.replace('.', '/') + ".class";
        try (InputStream in = BootstrapBridge.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("the agent jar lacks " + path);
            }
            return in.readAllBytes();
        }
    }

    private static boolean alreadyInBootstrap() {
        try {
            Class.forName(CLASSES[1], false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
