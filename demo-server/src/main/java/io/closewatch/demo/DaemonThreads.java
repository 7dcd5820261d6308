package io.closewatch.demo;

/** The demo's background work never keeps the JVM alive. */
final class DaemonThreads {
    private DaemonThreads() {
    }

    static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
