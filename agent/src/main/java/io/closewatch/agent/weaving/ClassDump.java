package io.closewatch.agent.weaving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code debug.dump}: the class file of every class the agent hooks or fails to hook, as the JVM handed it over
 * ({@code <class name>.original.class}) and as woven ({@code <class name>.woven.class}), for {@code javap} or a
 * verifier when a woven class misbehaves; a class redefined (HotSwap) as {@code <class name>.redefined.original.class}
 * and {@code .redefined.woven.class}, the last redefinition's. A class defined by several loaders is written once per
 * loader, later ones with the loader's identity in the name. Nothing else is written, and a directory that cannot be
 * written costs one line.
 */
public final class ClassDump {
    private final Path directory;
    private final AtomicBoolean complained = new AtomicBoolean();

    public ClassDump(Path directory) {
        this.directory = directory;
    }

    /**
     * @param redefined whether the class is being redefined rather than loaded
     * @param woven     null when the class loads unchanged
     */
    void write(String internalName, ClassLoader loader, boolean redefined, byte[] original, byte[] woven) {
        try {
            Files.createDirectories(directory);
            String name = internalName.replace('/', '.') + (redefined ? ".redefined" : "");
            Path originalFile = directory.resolve(name + ".original.class");
            if (!redefined && Files.exists(originalFile)) {
                name = name + "@" + Integer.toHexString(System.identityHashCode(loader));
                originalFile = directory.resolve(name + ".original.class");
            }
            Files.write(originalFile, original);
            if (woven != null) {
                Files.write(directory.resolve(name + ".woven.class"), woven);
            }
        } catch (IOException | RuntimeException e) {
            if (complained.compareAndSet(false, true)) {
                System.err.println("[closewatch] debug.dump: cannot write class files to " + directory + " (" + e
                        + "); the classes load as they would without it");
            }
        }
    }
}
