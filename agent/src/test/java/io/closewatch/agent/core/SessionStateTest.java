package io.closewatch.agent.core;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionStateTest {
    private final SessionState<String> state = new SessionState<>("meters", 0L);

    @Test
    void firstCloseFrameSentDecidesCodeAndInitiator() {
        assertTrue(state.closeSent(1000));
        assertFalse(state.closeReceived(1000), "the echo is not the first frame");
        assertEquals(1000, state.code(CloseCodes.UNKNOWN));
        assertEquals(Initiator.LOCAL, state.initiator(1000, false));
    }

    @Test
    void firstCloseFrameReceivedDecidesCodeAndInitiator() {
        assertTrue(state.closeReceived(4001));
        assertFalse(state.closeSent(1000), "the echo is not the first frame");
        assertEquals(4001, state.code(CloseCodes.UNKNOWN));
        assertEquals(Initiator.REMOTE, state.initiator(4001, false));
    }

    @Test
    void noCloseFrameAtAllIs1006WithNoInitiator() {
        assertEquals(1006, state.code(CloseCodes.UNKNOWN));
        assertEquals(Initiator.NONE, state.initiator(1006, false));
    }

    /** Reactor Netty "closes" a reset connection with 1002 after the fact: that frame never went out. */
    @Test
    void aConnectionLostBeforeAnyFrameIs1006WithNoInitiatorWhateverFollows() {
        assertTrue(state.connectionLost());
        assertFalse(state.closeSent(1002));
        assertEquals(1006, state.code(CloseCodes.UNKNOWN));
        assertEquals(Initiator.NONE, state.initiator(1006, true));
    }

    /** Jetty 9.4 tells a server application 1011 when the connection was reset: no close frame went either way. */
    @Test
    void aConnectionLostBeforeAnyFrameIs1006WhateverTheContainerReports() {
        assertTrue(state.connectionLost());
        assertEquals(1006, state.code(1011));
        assertEquals(Initiator.NONE, state.initiator(1006, true));
    }

    @Test
    void aConnectionLostAfterTheFirstFrameChangesNothing() {
        assertTrue(state.closeSent(4001));
        assertFalse(state.connectionLost());
        assertEquals(4001, state.code(CloseCodes.UNKNOWN));
        assertEquals(1006, state.code(1006), "the code the container reports after a frame is the one counted");
        assertEquals(Initiator.LOCAL, state.initiator(4001, true));
    }

    @Test
    void anEndOfStreamReportedAs1006IsNoFrame() {
        assertFalse(state.closeReceived(1006));
        assertEquals(1006, state.code(CloseCodes.UNKNOWN));
        assertEquals(Initiator.NONE, state.initiator(1006, false));
    }

    @Test
    void anEmptyCloseFrameReportedAs1005IsARemoteFrame() {
        assertTrue(state.closeReceived(1005));
        assertEquals(1005, state.code(CloseCodes.UNKNOWN));
        assertEquals(Initiator.REMOTE, state.initiator(1005, false));
    }

    @Test
    void abortWithoutACloseFrameIs1006Local() {
        assertTrue(state.aborted());
        assertEquals(1006, state.code(CloseCodes.UNKNOWN));
        assertEquals(Initiator.LOCAL, state.initiator(1006, false));
    }

    @Test
    void abortAfterACloseFrameKeepsTheFrame() {
        state.closeSent(4002);
        assertFalse(state.aborted());
        assertEquals(4002, state.code(CloseCodes.UNKNOWN));
        assertEquals(Initiator.LOCAL, state.initiator(4002, false));
    }

    @Test
    void aContainerReportedCodeWinsOverTheFrameCode() {
        state.closeSent(CloseCodes.UNKNOWN); // jakarta: this side asked to close, the container knows the code
        assertEquals(1011, state.code(1011));
        assertEquals(Initiator.LOCAL, state.initiator(1011, false));
    }

    @Test
    void aContainerReportedCodeWithoutALocalCloseIsRemoteUnlessAbnormal() {
        assertEquals(Initiator.REMOTE, state.initiator(state.code(1000), false));
        assertEquals(Initiator.REMOTE, state.initiator(state.code(1005), false));
        assertEquals(Initiator.NONE, state.initiator(state.code(1006), false));
        assertEquals(Initiator.NONE, state.initiator(state.code(1015), false));
    }

    @Test
    void withThePeersFramesTrackedACloseWithNoFrameSeenWasThisSides() {
        assertEquals(Initiator.LOCAL, state.initiator(state.code(1001), true), "an idle timeout");
        assertEquals(Initiator.NONE, state.initiator(state.code(1006), true));
        state.closeReceived(CloseCodes.UNKNOWN);
        assertEquals(Initiator.REMOTE, state.initiator(state.code(1001), true));
    }

    @Test
    void endsExactlyOnce() {
        assertTrue(state.end());
        assertFalse(state.end());
        assertTrue(state.hasEnded());
    }

    @Test
    void lifetimeIsZeroWhenTheOpeningWasNotSeen() {
        SessionState<String> unseen = SessionState.unseenOpening("meters");
        assertFalse(unseen.openingSeen());
        assertEquals(0L, unseen.lifetimeNanos(123_456L));
        assertEquals(1_000L, new SessionState<>("m", 500L).lifetimeNanos(1_500L));
    }

    @RepeatedTest(20)
    void concurrentEndsCountOnceAndConcurrentFramesKeepOneWinner() throws Exception {
        SessionState<String> raced = new SessionState<>("meters", 0L);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger ends = new AtomicInteger();
        AtomicInteger firstFrames = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                boolean first = n % 3 == 0 ? raced.closeSent(4000 + n) : n % 3 == 1 ? raced.closeReceived(4000 + n)
                        : raced.aborted();
                if (first) {
                    firstFrames.incrementAndGet();
                }
                if (raced.end()) {
                    ends.incrementAndGet();
                }
            });
            workers.add(worker);
            worker.start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertEquals(1, ends.get());
        assertEquals(1, firstFrames.get());
    }
}
