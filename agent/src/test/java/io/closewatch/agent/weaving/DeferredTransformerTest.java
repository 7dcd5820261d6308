package io.closewatch.agent.weaving;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The transformer here would hold a candidate for an hour: a load that must not wait is run on its own thread and
 * must finish within {@link #NO_WAIT_SECONDS}, so that waiting by mistake fails the test instead of passing late.
 */
class DeferredTransformerTest {
    private static final long NO_WAIT_SECONDS = 10;
    private static final byte[] CANDIDATE = "..connectToServer..".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER = "..toString..".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TRANSFORMED = {1, 2, 3};

    private static final List<String> HOOKED_JDK_PACKAGES = List.of("jdk.internal.net.http.websocket.");
    private static final ClassLoader APPLICATION = DeferredTransformerTest.class.getClassLoader();

    private final DeferredTransformer deferred = new DeferredTransformer(
            new ClassFileNames(List.of("connectToServer")), HOOKED_JDK_PACKAGES, TimeUnit.HOURS.toMillis(1));
    private final AtomicInteger delegateCalls = new AtomicInteger();
    private final ClassFileTransformer delegate = new ClassFileTransformer() {
        @Override
        public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                ProtectionDomain domain, byte[] classFile) {
            delegateCalls.incrementAndGet();
            return TRANSFORMED;
        }
    };

    /** Lets any load a failed test left waiting go. */
    @AfterEach
    void release() {
        deferred.passEverything();
    }

    private static CompletableFuture<byte[]> loadOnAnotherThread(DeferredTransformer transformer, String name,
                                                                 byte[] classFile, boolean asTheBuildingThread) {
        return loadOnAnotherThread(transformer, APPLICATION, name, classFile, asTheBuildingThread);
    }

    private static CompletableFuture<byte[]> loadOnAnotherThread(DeferredTransformer transformer, ClassLoader loader,
                                                                 String name, byte[] classFile,
                                                                 boolean asTheBuildingThread) {
        CompletableFuture<byte[]> loaded = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                loaded.complete(transformer.transform(DeferredTransformerTest.class.getModule(), loader, name, null,
                        null, classFile));
            } catch (Exception | Error e) {
                loaded.completeExceptionally(e);
            }
        }, "host-class-loading");
        thread.setDaemon(true);
        if (asTheBuildingThread) {
            transformer.builtOn(thread);
        }
        thread.start();
        return loaded;
    }

    private CompletableFuture<byte[]> loadOnAnotherThread(String name, byte[] classFile) {
        return loadOnAnotherThread(deferred, name, classFile, false);
    }

    private static byte[] withoutWaiting(CompletableFuture<byte[]> loading, String what) throws Exception {
        try {
            return loading.get(NO_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError(what + " waited for the delegate", e);
        }
    }

    private byte[] loadWithoutWaiting(String name, byte[] classFile) throws Exception {
        return withoutWaiting(loadOnAnotherThread(name, classFile), name);
    }

    @Test
    void aClassThatMentionsNoHookedNamePassesAtOnceWithoutTheDelegate() throws Exception {
        assertNull(loadWithoutWaiting("com/example/Other", OTHER)); // nothing handed over yet
        deferred.delegateTo(delegate);
        assertNull(loadWithoutWaiting("com/example/Other", OTHER));
        assertEquals(0, delegateCalls.get());
    }

    @Test
    void aCandidateWaitsForTheDelegateAndIsTransformedByIt() throws Exception {
        CompletableFuture<byte[]> loading = loadOnAnotherThread("com/example/Client", CANDIDATE);
        assertThrows(TimeoutException.class, () -> loading.get(300, TimeUnit.MILLISECONDS),
                "a candidate went on before the delegate was handed over");
        deferred.delegateTo(delegate);
        assertArrayEquals(TRANSFORMED, loading.get(NO_WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(1, delegateCalls.get());
        assertArrayEquals(TRANSFORMED, loadWithoutWaiting("com/example/Client", CANDIDATE),
                "later candidates go straight on");
    }

    @Test
    void afterTheAgentGaveUpEveryClassLoadsUnchanged() throws Exception {
        deferred.passEverything();
        assertNull(loadWithoutWaiting("com/example/Client", CANDIDATE));
        assertEquals(0, delegateCalls.get());
    }

    @Test
    void neitherTheBuildingThreadNorTheAgentsOwnClassesWait() throws Exception {
        assertNull(loadWithoutWaiting("io/closewatch/agent/Anything", CANDIDATE));
        assertNull(withoutWaiting(loadOnAnotherThread(deferred, "com/example/Client", CANDIDATE, true),
                "a class the building thread loads"));
        assertEquals(0, delegateCalls.get());
    }

    @Test
    void aCandidateGivesUpAfterTheBoundAndLoadsUnchanged() throws Exception {
        DeferredTransformer neverReady = new DeferredTransformer(new ClassFileNames(List.of("connectToServer")),
                HOOKED_JDK_PACKAGES, 50);
        assertNull(withoutWaiting(loadOnAnotherThread(neverReady, "com/example/Client", CANDIDATE, false),
                "a candidate past the bound"));
    }

    /** Byte Buddy ignores the JDK's classes but for the packages a module hooks: those alone are searched. */
    @Test
    void onlyTheJdkClassesOfHookedPackagesAreCandidates() throws Exception {
        for (ClassLoader jdk : new ClassLoader[] {null, ClassLoader.getPlatformClassLoader()}) {
            assertNull(withoutWaiting(loadOnAnotherThread(deferred, jdk, "java/net/Other", CANDIDATE, false),
                    "a JDK class outside the hooked packages"));
        }
        CompletableFuture<byte[]> hooked = loadOnAnotherThread(deferred, null,
                "jdk/internal/net/http/websocket/WebSocketImpl", CANDIDATE, false);
        assertThrows(TimeoutException.class, () -> hooked.get(300, TimeUnit.MILLISECONDS));
        deferred.delegateTo(delegate);
        assertArrayEquals(TRANSFORMED, hooked.get(NO_WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(1, delegateCalls.get());
    }
}
