package io.closewatch.containers.host;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Sessions played by as many threads at once; it fails, naming the first failure, if any of them did. */
final class AtOnce {
    /** The {@code index}-th session. */
    interface Session {
        void play(int index) throws Exception;
    }

    private AtOnce() {
    }

    static void play(int sessions, Session session) throws Exception {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < sessions; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                try {
                    session.play(index);
                } catch (Exception | AssertionError e) {
                    failures.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(ItHost.TIMEOUT_SECONDS * 2));
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(failures.size() + " sessions failed", failures.get(0));
        }
    }
}
