package io.closewatch.agent.instrumentation;

import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.commons.ClassRemapper;
import net.bytebuddy.jar.asm.commons.Remapper;

import java.io.IOException;

/**
 * Serves the agent's class files with one package prefix of the types they use rewritten, e.g. jakarta.websocket
 * to javax.websocket: so one advice class serves both namespaces. Only what the advice refers to changes; the
 * advice class keeps its name, and is never loaded, only read and inlined.
 */
final class NamespaceRemappingLocator implements ClassFileLocator {
    private final ClassFileLocator delegate;
    private final Remapper remapper;

    NamespaceRemappingLocator(ClassFileLocator delegate, String fromPrefix, String toPrefix) {
        this.delegate = delegate;
        this.remapper = new Remapper() {
            @Override
            public String map(String internalName) {
                return internalName.startsWith(fromPrefix)
                        ? toPrefix + internalName.substring(fromPrefix.length()) : internalName;
            }
        };
    }

    @Override
    public Resolution locate(String name) throws IOException {
        Resolution resolution = delegate.locate(name);
        if (!resolution.isResolved()) {
            return resolution;
        }
        ClassReader reader = new ClassReader(resolution.resolve());
        ClassWriter writer = new ClassWriter(0);
        reader.accept(new ClassRemapper(writer, remapper), 0);
        return new Resolution.Explicit(writer.toByteArray());
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
