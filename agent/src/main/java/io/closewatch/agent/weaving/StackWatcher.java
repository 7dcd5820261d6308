package io.closewatch.agent.weaving;

import io.closewatch.agent.instrumentation.KnownStacks;
import io.closewatch.agent.instrumentation.StackSightings;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches the classes the JVM loads for the {@link KnownStacks}, changing none: the first class of each stack is
 * reported once (not one that serves a framework on top of it, which its own classes name). Registered in
 * {@code premain}, before the agent can report anything, so sightings wait until {@link #reportTo} is called. JDK
 * types only.
 */
public final class StackWatcher implements ClassFileTransformer {
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final List<String[]> early = new ArrayList<>();
    private StackSightings sightings;

    /** The JDK calls the {@code Module} variant, which comes here. */
    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) {
        saw(loader, internalName);
        return null;
    }

    /** Classes loaded before the agent was attached to a running JVM. */
    public void sawLoaded(Class<?>[] loaded) {
        for (Class<?> type : loaded) {
            saw(type.getClassLoader(), type.getName().replace('.', '/'));
        }
    }

    /** From now on sightings go to {@code target}; those made so far go at once. */
    public void reportTo(StackSightings target) {
        List<String[]> waiting;
        synchronized (this) {
            sightings = target;
            waiting = new ArrayList<>(early);
            early.clear();
        }
        for (String[] sighting : waiting) {
            deliver(target, sighting[0], sighting[1]);
        }
    }

    private void saw(ClassLoader loader, String internalName) {
        String stack = KnownStacks.stackOf(internalName);
        if (stack == null || seen.contains(stack) || KnownStacks.servesFrameworkOnTop(stack, loader)
                || !seen.add(stack)) {
            return;
        }
        String className = internalName.replace('/', '.');
        StackSightings target;
        synchronized (this) {
            target = sightings;
            if (target == null) {
                early.add(new String[] {stack, className});
                return;
            }
        }
        deliver(target, stack, className);
    }

    private static void deliver(StackSightings target, String stack, String className) {
        try {
            target.seen(stack, className);
        } catch (Throwable t) {
            // Naming a stack must never fail the class being loaded, nor the agent's start.
        }
    }
}
