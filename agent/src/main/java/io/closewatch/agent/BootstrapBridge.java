package io.closewatch.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * Puts the bridge classes (and only those) into the bootstrap class loader, with the JDK alone: this runs in
 * {@code premain}, on the host's start-up path, where loading Byte Buddy would cost the host hundreds of
 * milliseconds.
 */
final class BootstrapBridge {
    static final String[] CLASSES = {
        "io.closewatch.agent.bootstrap.CloseWatchBridge",
        "io.closewatch.agent.bootstrap.CloseWatchBridge$Events",
    };

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2024, 1, 1, 0, 0);

    private BootstrapBridge() {
    }

    static void inject(Instrumentation instrumentation) throws IOException {
        if (InjectedFaults.BRIDGE.isOn()) {
            throw new IOException("bridge injection disabled by " + InjectedFaults.PROPERTY + "=bridge");
        }
        if (alreadyInBootstrap()) {
            return; // attached twice: the first agent's bridge stays
        }
        Path jar = createTempJar();
        jar.toFile().deleteOnExit();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            for (String name : CLASSES) {
                String path = name.replace('.', '/') + ".class";
                try (InputStream in = BootstrapBridge.class.getClassLoader().getResourceAsStream(path)) {
                    if (in == null) {
                        throw new IOException("the agent jar lacks " + path);
                    }
                    JarEntry entry = new JarEntry(path);
                    entry.setTimeLocal(ENTRY_TIME); // a time zone lookup otherwise
                    out.putNextEntry(entry);
                    in.transferTo(out);
                    out.closeEntry();
                }
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

    private static boolean alreadyInBootstrap() {
        try {
            Class.forName(CLASSES[0], false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
