package io.closewatch.agent.instrumentation;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassLoaderCanSeeTest {
    /** A loader whose lookups wait until released, as one does that waits for a lock of its own. */
    private static final class SlowLoader extends ClassLoader {
        final CountDownLatch asked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        SlowLoader() {
            super(null);
        }

        @Override
        public URL getResource(String name) {
            asked.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }
    }

    /** A slow (or blocked) loader must not hold up the matching of classes in any other loader. */
    @Test
    void noLockIsHeldWhileALoaderIsAsked() throws Exception {
        ClassLoaderCanSee seesApi = ClassLoaderCanSee.canSee(ClassLoaderCanSeeTest.class.getName());
        SlowLoader slow = new SlowLoader();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> blocked = threads.submit(() -> seesApi.matches(slow));
            assertTrue(slow.asked.await(10, TimeUnit.SECONDS));
            Future<Boolean> other = threads.submit(() -> seesApi.matches(getClass().getClassLoader()));
            // With a lock held around the question, this waits for the slow loader: a deadlock in a real JVM.
            assertTrue(other.get(10, TimeUnit.SECONDS));
            slow.release.countDown();
            assertFalse(blocked.get(10, TimeUnit.SECONDS));
        } finally {
            slow.release.countDown();
            threads.shutdownNow();
        }
    }
}
