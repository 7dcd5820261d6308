package io.closewatch.agent.recording;

import io.closewatch.agent.metrics.CloseMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events kept while the meters are not built: replayed once, in order and at their time, into the real recorder. */
class PendingEventsTest {
    private final PrometheusMeterRegistry registry = CloseMeters.newRegistry("chat", "1.4.2");
    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger needed = new AtomicInteger();
    private final PendingEvents events = new PendingEvents(needed::incrementAndGet, 3, 5, clock::get);
    private final CloseRecorder recorder = new CloseRecorder(new CloseMeters(registry, "0.1.0", 20, 30, 20),
            new AgentErrors(registry, NOPLogger.NOP_LOGGER), events.clock());

    @Test
    void aSessionKeptIsCountedOnceAtItsOwnTimes() {
        Object session = new Object();
        clock.set(1_000_000_000L);
        events.opened(session, "jakarta", null, "/chat/{room}", null);
        clock.set(3_500_000_000L);
        events.ended(session, "jakarta", 1000, false);
        clock.set(60_000_000_000L); // built much later
        assertEquals(0.0, closes("server", "/chat/{room}", "1000", "remote"), "nothing counted before the replay");
        events.replayInto(recorder);
        assertEquals(1.0, closes("server", "/chat/{room}", "1000", "remote"));
        Timer duration = registry.find("websocket.session.duration").tag("category", "normal").timer();
        assertEquals(2.5, duration.totalTime(TimeUnit.SECONDS), 1e-9, "the lifetime it had, not the time of replay");
        events.ended(session, "jakarta", 1000, false);
        assertEquals(1.0, closes("server", "/chat/{room}", "1000", "remote"), "an end seen again counts nothing");
    }

    @Test
    void aSessionOpenedBeforeTheMetersAndClosedAfterIsCountedOnceWithItsWholeLifetime() {
        Object session = new Object();
        clock.set(1_000_000_000L);
        events.opened(session, "jakarta", null, "/chat/{room}", null);
        events.closeSent(session, "jakarta", -1);
        clock.set(2_000_000_000L);
        events.replayInto(recorder);
        clock.set(5_000_000_000L);
        events.ended(session, "jakarta", 4001, false);
        assertEquals(1.0, closes("server", "/chat/{room}", "4001", "local"));
        Timer duration = registry.find("websocket.session.duration").tag("category", "application").timer();
        assertEquals(4.0, duration.totalTime(TimeUnit.SECONDS), 1e-9);
    }

    @Test
    void aClientsTargetGivenWhileConnectingLabelsItsSessionOnEitherSideOfTheSwitch() {
        Object kept = new Object();
        events.clientConnecting(URI.create("ws://127.0.0.1:8080/echo"));
        events.opened(kept, "jakarta", null, null, null);
        events.clientConnecting(null);
        Object across = new Object();
        events.clientConnecting(URI.create("ws://127.0.0.1:9090/echo"));
        events.replayInto(recorder);
        events.opened(across, "jakarta", null, null, null);
        events.clientConnecting(null);
        events.ended(kept, "jakarta", 1000, false);
        events.ended(across, "jakarta", 1000, false);
        assertEquals(1.0, closes("client", "ws://127.0.0.1:8080", "1000", "remote"));
        assertEquals(1.0, closes("client", "ws://127.0.0.1:9090", "1000", "remote"));
    }

    @Test
    void manyEventsWaitingSayTheMetersAreNeededOnce() {
        for (int i = 0; i < 2; i++) {
            events.pathTemplate(new Object(), "/a");
        }
        assertEquals(0, needed.get());
        events.pathTemplate(new Object(), "/a");
        events.pathTemplate(new Object(), "/a");
        assertEquals(1, needed.get());
    }

    @Test
    void aThreadPastTheBoundWaitsForTheRecorderAndItsEventIsCountedAfterTheOthers() throws Exception {
        List<Object> sessions = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sessions.add(new Object());
            events.opened(sessions.get(i), "jakarta", null, "/chat/{room}", null);
        }
        CountDownLatch ended = new CountDownLatch(1);
        Thread late = new Thread(() -> {
            events.ended(sessions.get(0), "jakarta", 1011, false);
            ended.countDown();
        });
        late.start();
        assertFalse(ended.await(300, TimeUnit.MILLISECONDS), "the sixth event waits");
        events.replayInto(recorder);
        assertTrue(ended.await(10, TimeUnit.SECONDS));
        assertEquals(1.0, closes("server", "/chat/{room}", "1011", "remote"));
        assertEquals(4.0, registry.find("websocket.sessions.active").gauge().value());
    }

    @Test
    void droppedEventsReleaseWaitingThreadsAndCountNothing() throws Exception {
        for (int i = 0; i < 5; i++) {
            events.pathTemplate(new Object(), "/a");
        }
        Thread late = new Thread(() -> events.opened(new Object(), "jakarta", null, "/a", null));
        late.start();
        events.drop();
        late.join(10_000);
        assertFalse(late.isAlive());
    }

    /** Threads opening and ending sessions while the recorder arrives: every session counted once, none lost. */
    @Test
    void eventsRacingTheSwitchAreEachCountedOnce() throws Exception {
        PendingEvents racing = new PendingEvents(() -> { }, 1_000, 100_000, System::nanoTime);
        CloseRecorder live = new CloseRecorder(new CloseMeters(registry, "0.1.0", 20, 30, 20),
                new AgentErrors(registry, NOPLogger.NOP_LOGGER), racing.clock());
        int threads = 4;
        int perThread = 2_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    Object session = new Object();
                    racing.opened(session, "jakarta", null, "/race", null);
                    racing.closeReceived(session, "jakarta", 1001);
                    racing.ended(session, "jakarta", 1001, true);
                }
            });
            worker.start();
            workers.add(worker);
        }
        go.countDown();
        Thread.sleep(5);
        racing.replayInto(live);
        for (Thread worker : workers) {
            worker.join(30_000);
        }
        assertEquals((double) threads * perThread, closes("server", "/race", "1001", "remote"));
        assertEquals(0.0, registry.find("websocket.sessions.active").tag("endpoint", "/race").gauge().value());
    }

    private double closes(String side, String endpoint, String code, String initiator) {
        Counter counter = registry.find("websocket.closes").tags("api", "jakarta", "side", side, "endpoint", endpoint,
                "code", code, "initiator", initiator).counter();
        return counter == null ? 0.0 : counter.count();
    }
}
