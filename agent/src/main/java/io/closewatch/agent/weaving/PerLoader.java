package io.closewatch.agent.weaving;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the weaver learns of each class loader's class files, by internal name, remembered without keeping a loader
 * alive (the bootstrap loader's under the platform loader). Only the lookup of a loader's map is locked: the loader's
 * own code, which reading a class file runs, never runs under a lock of the agent's.
 */
final class PerLoader<V> {
    private final Map<ClassLoader, Map<String, V>> maps = new WeakHashMap<>();

    /** {@code loader}'s map, made on first use. No lambda: this runs on the host's threads as its classes load. */
    Map<String, V> of(ClassLoader loader) {
        ClassLoader key = loader == null ? ClassLoader.getPlatformClassLoader() : loader;
        synchronized (maps) {
            Map<String, V> known = maps.get(key);
            if (known == null) {
                known = new ConcurrentHashMap<>();
                maps.put(key, known);
            }
            return known;
        }
    }
}
