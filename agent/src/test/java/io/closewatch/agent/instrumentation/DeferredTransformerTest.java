package io.closewatch.agent.instrumentation;

import org.junit.jupiter.api.Test;

import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

class DeferredTransformerTest {
    private static final byte[] CANDIDATE = "..connectToServer..".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER = "..toString..".getBytes(StandardCharsets.UTF_8);
    private static final byte[] TRANSFORMED = {1, 2, 3};

    private final DeferredTransformer deferred =
            new DeferredTransformer(new ClassFileNames(List.of("connectToServer")));
    private final AtomicInteger delegateCalls = new AtomicInteger();
    private final ClassFileTransformer delegate = new ClassFileTransformer() {
        @Override
        public byte[] transform(Module module, ClassLoader loader, String name, Class<?> redefined,
                                ProtectionDomain domain, byte[] classFile) {
            delegateCalls.incrementAndGet();
            return TRANSFORMED;
        }
    };

    private byte[] load(String name, byte[] classFile) throws Exception {
        return deferred.transform(getClass().getModule(), null, name, null, null, classFile);
    }

    @Test
    void aClassThatMentionsNoHookedNamePassesAtOnceWithoutTheDelegate() throws Exception {
        assertNull(load("com/example/Other", OTHER)); // would wait if it were a candidate: nothing is handed over
        deferred.delegateTo(delegate);
        assertNull(load("com/example/Other", OTHER));
        assertEquals(0, delegateCalls.get());
    }

    @Test
    void aCandidateWaitsForTheDelegateAndIsTransformedByIt() throws Exception {
        CompletableFuture<byte[]> loading = new CompletableFuture<>();
        Thread host = new Thread(() -> {
            try {
                loading.complete(load("com/example/Client", CANDIDATE));
            } catch (Exception e) {
                loading.completeExceptionally(e);
            }
        });
        host.start();
        while (host.getState() != Thread.State.TIMED_WAITING) {
            assertFalse(loading.isDone(), "a candidate went on before the delegate was handed over");
            Thread.onSpinWait();
        }
        deferred.delegateTo(delegate);
        assertArrayEquals(TRANSFORMED, loading.get(10, TimeUnit.SECONDS));
        assertEquals(1, delegateCalls.get());
        assertArrayEquals(TRANSFORMED, load("com/example/Client", CANDIDATE), "later candidates go straight on");
    }

    @Test
    void afterTheAgentGaveUpEveryClassLoadsUnchanged() throws Exception {
        deferred.passEverything();
        assertNull(load("com/example/Client", CANDIDATE));
    }

    @Test
    void neitherTheBuildingThreadNorTheAgentsOwnClassesWait() throws Exception {
        assertNull(load("io/closewatch/agent/Anything", CANDIDATE));
        deferred.builtOn(Thread.currentThread());
        assertNull(load("com/example/Client", CANDIDATE));
        assertEquals(0, delegateCalls.get());
    }
}
