package io.closewatch.agent;

import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.loading.ClassInjector;

import java.io.File;
import java.io.IOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/** Puts the bridge classes (and only those) into the bootstrap class loader. */
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
        ClassFileLocator agentClasses = ClassFileLocator.ForClassLoader.of(BootstrapBridge.class.getClassLoader());
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        for (String name : CLASSES) {
            bytes.put(name, agentClasses.locate(name).resolve());
        }
        File folder = Files.createTempDirectory("closewatch-bootstrap").toFile();
        folder.deleteOnExit();
        ClassInjector.UsingInstrumentation.of(folder, ClassInjector.UsingInstrumentation.Target.BOOTSTRAP,
                instrumentation).injectRaw(bytes);
        File[] jars = folder.listFiles();
        if (jars != null) {
            for (File jar : jars) {
                jar.deleteOnExit();
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
