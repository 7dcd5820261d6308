package io.closewatch.agent.instrumentation;

import java.util.Map;
import java.util.WeakHashMap;

/**
 * Matches class loaders that can see a given class, so that the costly super-type checks run only in loaders
 * where the instrumented API exists at all. Answers are cached per loader without keeping loaders alive; no lock of
 * the agent's is held while a loader is asked.
 */
public final class ClassLoaderCanSee implements LoaderMatch {
    private final String resource;
    private final Map<ClassLoader, Boolean> answers = new WeakHashMap<>();

    private ClassLoaderCanSee(String className) {
        this.resource = className.replace('.', '/') + ".class";
    }

    public static ClassLoaderCanSee canSee(String className) {
        return new ClassLoaderCanSee(className);
    }

    @Override
    public boolean matches(ClassLoader loader) {
        if (loader == null) {
            return false; // the WebSocket APIs never live in the bootstrap loader
        }
        Boolean known;
        synchronized (answers) {
            known = answers.get(loader);
        }
        if (known == null) {
            // Asked outside the lock: the loader's own code runs here, and may wait for its own locks, which another
            // thread may hold while it loads a class that comes to this very matcher.
            known = loader.getResource(resource) != null;
            synchronized (answers) {
                answers.put(loader, known);
            }
        }
        return known;
    }
}
