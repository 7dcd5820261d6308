package io.closewatch.containers.host;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The soak run (benchmarks/soak.sh): drives sessions through embedded Tomcat and the JDK client, every session
 * counted twice by the agent (server and client side), with mixed endings, and prints the heap in use after a full
 * GC at every step. Flat numbers mean the agent keeps nothing per session once a session is over.
 *
 * <p>Arguments: sessions (default 500000, so a million closes), sessions in flight (default 64), report every
 * (default 50000).
 */
public final class SoakHost {
    private SoakHost() {
    }

    public static void main(String[] args) throws Exception {
        long sessions = args.length > 0 ? Long.parseLong(args[0]) : 500_000;
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        long every = args.length > 2 ? Long.parseLong(args[2]) : 50_000;
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (TomcatServer server = new TomcatServer()) {
            URI target = URI.create("ws://127.0.0.1:" + server.start() + "/annotated/soak");
            HttpClient client = HttpClient.newHttpClient();
            Semaphore slots = new Semaphore(inFlight);
            ExecutorService closers = Executors.newFixedThreadPool(4);
            AtomicLong failed = new AtomicLong();
            long started = System.nanoTime();
            System.out.printf("%12s %12s %14s %12s%n", "sessions", "closes", "heap after GC", "sessions/s");
            report(memory, 0, started);
            for (long i = 1; i <= sessions; i++) {
                slots.acquire();
                long kind = i % 3;
                CountDownLatch ended = new CountDownLatch(1);
                CompletableFuture<WebSocket> opening =
                        client.newWebSocketBuilder().buildAsync(target, new EndListener(ended));
                opening.whenComplete((webSocket, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                        slots.release();
                        return;
                    }
                    closers.execute(() -> {
                        if (kind == 0) {
                            webSocket.sendClose(1000, "bye");
                        } else if (kind == 1) {
                            webSocket.sendText("close:4001", true);
                        } else {
                            webSocket.abort();
                            ended.countDown();
                        }
                        try {
                            if (!ended.await(10, TimeUnit.SECONDS)) {
                                webSocket.abort();
                                failed.incrementAndGet();
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        slots.release();
                    });
                });
                if (i % every == 0) {
                    slots.acquire(inFlight); // let the step finish before measuring
                    slots.release(inFlight);
                    report(memory, i, started);
                }
            }
            closers.shutdown();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("failed sessions: %d%nthroughput: %.0f sessions/s%nresident memory: %.1f MiB%n",
                    failed.get(), sessions / seconds, residentMiB());
        }
    }

    /** The process's resident set (Linux), or -1 where /proc is not there. */
    static double residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // not Linux
        }
        return -1;
    }

    private static void report(MemoryMXBean memory, long sessions, long started) {
        System.gc();
        System.gc();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%12d %12d %11.1f MiB %12.0f%n", sessions, 2 * sessions,
                memory.getHeapMemoryUsage().getUsed() / 1048576.0, seconds > 0 ? sessions / seconds : 0);
    }
}
