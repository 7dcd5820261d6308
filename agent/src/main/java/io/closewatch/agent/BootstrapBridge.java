package io.closewatch.agent;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
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

    private BootstrapBridge() {
    }

    static void inject(Instrumentation instrumentation) throws IOException {
        if (InjectedFaults.BRIDGE.isOn()) {
            throw new IOException("bridge injection disabled by " + InjectedFaults.PROPERTY + "=bridge");
        }
        if (alreadyInBootstrap()) {
            return; // attached twice: the first agent's bridge stays
        }
        File jar = Files.createTempFile("closewatch-bootstrap", ".jar").toFile();
        jar.deleteOnExit();
        try (OutputStream file = Files.newOutputStream(jar.toPath()); JarOutputStream out = new JarOutputStream(file)) {
            for (String name : CLASSES) {
                String path = name.replace('.', '/') + ".class";
                try (InputStream in = BootstrapBridge.class.getClassLoader().getResourceAsStream(path)) {
                    if (in == null) {
                        throw new IOException("the agent jar lacks " + path);
                    }
                    out.putNextEntry(new JarEntry(path));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        instrumentation.appendToBootstrapClassLoaderSearch(new JarFile(jar));
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
