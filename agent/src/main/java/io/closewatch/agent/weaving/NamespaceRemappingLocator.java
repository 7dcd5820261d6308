package io.closewatch.agent.weaving;

import net.bytebuddy.dynamic.ClassFileLocator;

import java.io.IOException;

/**
 * Serves the agent's class files with one package prefix of the types they use rewritten, e.g. jakarta.websocket
 * to javax.websocket: so one advice class serves both namespaces. Only what the advice refers to changes; the
 * advice class keeps its name, and is never loaded, only read and inlined.
 */
final class NamespaceRemappingLocator implements ClassFileLocator {
    private final ClassFileLocator delegate;
    private final String fromPrefix;
    private final String toPrefix;

    NamespaceRemappingLocator(ClassFileLocator delegate, String fromPrefix, String toPrefix) {
        this.delegate = delegate;
        this.fromPrefix = fromPrefix;
        this.toPrefix = toPrefix;
    }

    @Override
    public Resolution locate(String name) throws IOException {
        Resolution resolution = delegate.locate(name);
        return resolution.isResolved()
                ? new Resolution.Explicit(AdviceCode.remap(resolution.resolve(), fromPrefix, toPrefix)) : resolution;
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
