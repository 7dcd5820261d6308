package io.closewatch.agent.weaving;

import io.closewatch.agent.instrumentation.InstrumentationModule;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets {@code premain} return at once while Byte Buddy is built on another thread, without missing a class: it is
 * registered first, and a class whose file mentions a hooked name ({@link ClassFileNames}) waits until the real
 * transformer is {@linkplain #delegateTo handed over}; every other class passes at once. Most hosts load their first
 * such class well after Byte Buddy is ready, so nobody waits. JDK types only: Byte Buddy's machinery must not run on
 * the host's start-up path.
 */
public final class DeferredTransformer implements ClassFileTransformer {
    /** Never reached in practice; a bound so that no host thread can hang on the agent. */
    private static final long MAX_WAIT_MILLIS = 30_000;
    private static final String AGENT_PACKAGE = "io/closewatch/agent/";
    private static final ClassFileTransformer NOTHING = new ClassFileTransformer() {
    };
    private static final ClassLoader PLATFORM = ClassLoader.getPlatformClassLoader();

    private final ClassFileNames names;
    /** Internal-name prefixes of the JDK's own classes some module hooks: every other JDK class passes unread. */
    private final String[] hookedJdkPackages;
    private final long maxWaitMillis;
    private final CountDownLatch handedOver = new CountDownLatch(1);
    private volatile ClassFileTransformer delegate;
    private volatile Thread builder;

    /**
     * @param hookedJdkPackages package prefixes of the JDK's classes that hooks may instrument, as
     *                          {@link InstrumentationModule#jdkPackages} gives them; Byte Buddy ignores every other
     *                          class of the bootstrap and platform loaders, so those are not even searched
     */
    public DeferredTransformer(ClassFileNames names, List<String> hookedJdkPackages) {
        this(names, hookedJdkPackages, MAX_WAIT_MILLIS);
    }

    DeferredTransformer(ClassFileNames names, List<String> hookedJdkPackages, long maxWaitMillis) {
        this.names = names;
        this.hookedJdkPackages = new String[hookedJdkPackages.size()];
        for (int i = 0; i < this.hookedJdkPackages.length; i++) {
            this.hookedJdkPackages[i] = hookedJdkPackages.get(i).replace('.', '/'); // no lambda in premain
        }
        this.maxWaitMillis = maxWaitMillis;
    }

    /** The thread that builds the real transformer: the classes it loads itself must not wait for it. */
    public void builtOn(Thread thread) {
        builder = thread;
    }

    /** From now on, classes that mention a hooked name go to {@code transformer}. */
    public void delegateTo(ClassFileTransformer transformer) {
        delegate = transformer;
        handedOver.countDown();
    }

    /** The agent could not start: from now on every class loads unchanged. */
    public void passEverything() {
        delegateTo(NOTHING);
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) throws IllegalClassFormatException {
        ClassFileTransformer target = candidate(loader, internalName, classFile) ? awaitDelegate(internalName) : null;
        return target == null ? null
                : target.transform(module, loader, internalName, classBeingRedefined, protectionDomain, classFile);
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) throws IllegalClassFormatException {
        ClassFileTransformer target = candidate(loader, internalName, classFile) ? awaitDelegate(internalName) : null;
        return target == null ? null
                : target.transform(loader, internalName, classBeingRedefined, protectionDomain, classFile);
    }

    private boolean candidate(ClassLoader loader, String internalName, byte[] classFile) {
        return internalName != null && !internalName.startsWith(AGENT_PACKAGE)
                && (loader != null && loader != PLATFORM || isHookedJdkClass(internalName))
                && names.mentionedIn(classFile);
    }

    private boolean isHookedJdkClass(String internalName) {
        for (String prefix : hookedJdkPackages) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** @return the real transformer, or null when this class must load unchanged */
    private ClassFileTransformer awaitDelegate(String internalName) {
        ClassFileTransformer target = delegate;
        if (target != null) {
            return target;
        }
        if (Thread.currentThread() == builder) {
            return null; // a JDK class Byte Buddy needs while it is built: it would wait for itself
        }
        try {
            if (handedOver.await(maxWaitMillis, TimeUnit.MILLISECONDS)) {
                return delegate;
            }
            System.err.println("[closewatch] " + internalName.replace('/', '.') + " loads uninstrumented: the agent "
                    + "was not ready after " + maxWaitMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the host's interrupt is kept; this class loads unchanged
        }
        return null;
    }
}
