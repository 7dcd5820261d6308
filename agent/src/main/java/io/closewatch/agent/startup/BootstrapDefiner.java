package io.closewatch.agent.startup;

import java.lang.reflect.Method;
import java.security.ProtectionDomain;
import java.util.function.BiConsumer;

/**
 * Defines a class into the bootstrap class loader with the JDK's internal {@code Unsafe.defineClass}. It is loaded
 * by a class loader of its own ({@link #load}), so that the package the JVM exports for it reaches that loader's
 * unnamed module alone, not the host's class path, which shares the agent's unnamed module.
 */
public final class BootstrapDefiner implements BiConsumer<String, byte[]> {
    @Override
    public void accept(String name, byte[] classFile) {
        try {
            Class<?> unsafeType = Class.forName("jdk.internal.misc.Unsafe");
            Object unsafe = unsafeType.getMethod("getUnsafe").invoke(null);
            Method define = unsafeType.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                    ClassLoader.class, ProtectionDomain.class);
            define.invoke(unsafe, name, classFile, 0, classFile.length, null, null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot define " + name + " in the bootstrap class loader", e);
        }
    }

    /** A new instance, its class defined by a new class loader whose parent is {@code agentLoader}. */
    @SuppressWarnings("unchecked")
    static BiConsumer<String, byte[]> load(ClassLoader agentLoader) throws Exception {
        String name = BootstrapDefiner.class.getName();
        byte[] classFile = BootstrapBridge.classFile(name);
        ClassLoader own = new ClassLoader("closewatch-bootstrap-definer", agentLoader) {
            @Override
            protected Class<?> loadClass(String className, boolean resolve) throws ClassNotFoundException {
                if (!className.equals(name)) {
                    return super.loadClass(className, resolve);
                }
                synchronized (getClassLoadingLock(className)) {
                    Class<?> loaded = findLoadedClass(className);
                    return loaded != null ? loaded : defineClass(className, classFile, 0, classFile.length);
                }
            }
        };
        return (BiConsumer<String, byte[]>) own.loadClass(name).getDeclaredConstructor().newInstance();
    }
}
