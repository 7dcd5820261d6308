package io.closewatch.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

import static io.closewatch.demo.DaemonThreads.daemon;

/**
 * Simulated users on JDK {@code java.net.http.WebSocket} clients: each joins a chat room or a feed, talks for a
 * while, and ends the session as its {@link Profile} decides. Runs until stopped; every wait is bounded.
 */
final class TrafficGenerator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrafficGenerator.class);
    private static final long END_TIMEOUT_SECONDS = 10;
    private static final int MAX_BURST = 500;

    private final Profile profile;
    private final int serverPort;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Reaches the server through the flaky network, which cuts every connection. */
    private final HttpClient cutClient;
    private final ExecutorService users;
    private final ExecutorService bursts = Executors.newFixedThreadPool(32, r -> daemon(r, "burst"));
    private final AtomicLongArray ended = new AtomicLongArray(Outcome.values().length);
    private volatile boolean running = true;

    TrafficGenerator(Profile profile, int serverPort, FlakyNetwork flakyNetwork, int userCount) {
        this.profile = profile;
        this.serverPort = serverPort;
        this.cutClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .proxy(ProxySelector.of(flakyNetwork.address())).build();
        this.users = Executors.newFixedThreadPool(Math.max(1, userCount), r -> daemon(r, "user"));
        for (int i = 0; i < userCount; i++) {
            users.submit(this::userLoop);
        }
    }

    /** Drops {@code sessions} connections at once, as a failing network would: a spike of 1006. */
    int burst(int sessions) {
        int count = Math.min(Math.max(sessions, 0), MAX_BURST);
        for (int i = 0; i < count; i++) {
            bursts.submit(() -> session(Outcome.NETWORK_CUT));
        }
        LOG.info("injecting a burst of {} dropped connections (1006)", count);
        return count;
    }

    /**
     * Sessions ended so far, by the outcome each was given: every session that opened, however it went (a cut one may
     * fail while sending), as the agent counts it once on each side. Sessions that never opened are in neither.
     */
    Map<Outcome, Long> endedSoFar() {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome outcome : Outcome.values()) {
            counts.put(outcome, ended.get(outcome.ordinal()));
        }
        return counts;
    }

    private void userLoop() {
        while (running) {
            session(profile.pick(ThreadLocalRandom.current()));
            pause(100, 400);
        }
    }

    private void session(Outcome outcome) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String path = random.nextInt(10) < 7
                ? "/chat/room-" + random.nextInt(1, 6) : "/feed/topic-" + random.nextInt(1, 4);
        CountDownLatch over = new CountDownLatch(1);
        WebSocket webSocket;
        try {
            webSocket = (outcome == Outcome.NETWORK_CUT ? cutClient : client).newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + serverPort + path), new Ended(over))
                    .get(END_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            if (running) {
                LOG.debug("simulated {} session could not open: {}", outcome, e.toString());
            }
            return;
        }
        try {
            int messages = random.nextInt(1, 4);
            for (int i = 0; i < messages && running; i++) {
                pause(100, 600);
                webSocket.sendText("hello from a simulated user", true).get(END_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            end(webSocket, outcome, over);
            if (!over.await(END_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                webSocket.abort();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (running && outcome != Outcome.NETWORK_CUT) {
                LOG.debug("simulated {} session failed: {}", outcome, e.toString());
            }
        } finally {
            ended.incrementAndGet(outcome.ordinal());
        }
    }

    private static void end(WebSocket webSocket, Outcome outcome, CountDownLatch over) {
        switch (outcome) {
            case NORMAL -> webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
            case GOING_AWAY -> webSocket.sendClose(1001, "tab closed");
            case KICKED -> webSocket.sendText("/kick", true);
            case POLICY_VIOLATION -> webSocket.sendText("x".repeat(HouseRules.MAX_MESSAGE_LENGTH + 1), true);
            case SERVER_ERROR -> webSocket.sendText("/crash", true);
            case CLIENT_ABORT -> {
                webSocket.abort();
                over.countDown(); // abort() calls no listener method
            }
            case NETWORK_CUT -> {
                // the flaky network cuts it
            }
        }
    }

    private void pause(int fromMillis, int toMillis) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(fromMillis, toMillis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Counts the session as over once the client hears of its end, however it ended. */
    private static final class Ended implements WebSocket.Listener {
        private final CountDownLatch over;

        Ended(CountDownLatch over) {
            this.over = over;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            over.countDown();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            over.countDown();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        users.shutdownNow();
        bursts.shutdownNow();
        users.awaitTermination(END_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
