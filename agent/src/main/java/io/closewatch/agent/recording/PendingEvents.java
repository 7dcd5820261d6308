package io.closewatch.agent.recording;

import io.closewatch.agent.bootstrap.CloseWatchBridge;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The bridge's events while the recorder is not built yet: kept in order, each with the time it happened, replayed
 * into the recorder once it exists ({@link #replayInto}), and from then on passed straight through. An event is kept
 * as the very call the recorder is to receive (a lambda the compiler checks against the events' interface), so no
 * event can be forgotten or replayed wrong. So the agent can
 * build its meters after the host's start-up without losing a close or a session's lifetime. When
 * {@value #MANY} events wait, the agent is told the recorder is needed now ({@code needed}); at most
 * {@value #MAX_PENDING} wait: a thread with one more waits for the recorder, which is being built by then.
 * <p>
 * {@link #clientConnecting} is a hint for the connecting thread's next opening (the recorder keeps it per thread):
 * it is kept per thread here too, resolved into an opening that is kept, and handed to the recorder on that thread
 * if the opening comes after the switch.
 */
public final class PendingEvents implements CloseWatchBridge.Events {
    static final int MANY = 1_000;
    static final int MAX_PENDING = 10_000;
    /** Never reached in practice (building takes a fraction of a second); a bound for a thread left waiting. */
    private static final long MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** One event as the recorder is to receive it: the compiler holds it to {@link CloseWatchBridge.Events}. */
    @FunctionalInterface
    private interface Event {
        void to(CloseWatchBridge.Events recorder);
    }

    /** An event kept, and when it happened. */
    private record Pending(Event event, long nanos) {
    }

    private final Object lock = new Object();
    private final List<Pending> pending = new ArrayList<>();
    private final ThreadLocal<URI> connecting = new ThreadLocal<>();
    private final LongSupplier nanoTime;
    private final ReplayClock clock;
    private final Runnable needed;
    private final int many;
    private final int maxPending;
    private boolean told;
    /** The recorder will never be: events are dropped. */
    private boolean dropping;
    private volatile CloseWatchBridge.Events target;

    /** @param needed run once, on an event's thread, when {@value #MANY} events wait: the recorder is needed */
    public PendingEvents(Runnable needed) {
        this(needed, MANY, MAX_PENDING, System::nanoTime);
    }

    public PendingEvents(Runnable needed, int many, int maxPending, LongSupplier nanoTime) {
        this.needed = needed;
        this.many = many;
        this.maxPending = maxPending;
        this.nanoTime = nanoTime;
        this.clock = new ReplayClock(nanoTime);
    }

    /** The recorder's clock: the time an event happened while it is replayed, else now. */
    public LongSupplier clock() {
        return clock;
    }

    /** Replays every event so far into {@code recorder}, in order and at its time; from then on events go there. */
    public void replayInto(CloseWatchBridge.Events recorder) {
        synchronized (lock) {
            for (Pending event : pending) {
                clock.replaying(event.nanos());
                try {
                    event.event().to(recorder);
                } catch (Throwable t) {
                    recorder.failed("replay", t); // as the bridge does for an event that throws
                } finally {
                    clock.live();
                }
            }
            pending.clear();
            target = recorder;
            lock.notifyAll();
        }
    }

    /** The recorder will never be: drops the events kept and every one to come, so that no thread waits. */
    public void drop() {
        synchronized (lock) {
            dropping = true;
            pending.clear();
            lock.notifyAll();
        }
    }

    /**
     * Keeps {@code event} if the recorder is not there yet.
     *
     * @return null when it was kept (or dropped: the recorder will never be), else the recorder, which the event is
     *         to go to now, from its caller
     */
    private CloseWatchBridge.Events keep(Event event) {
        boolean tell;
        synchronized (lock) {
            long deadline = System.nanoTime() + MAX_WAIT_NANOS;
            while (target == null && !dropping && pending.size() >= maxPending && System.nanoTime() < deadline) {
                try {
                    lock.wait(TimeUnit.NANOSECONDS.toMillis(MAX_WAIT_NANOS) / 100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the host's interrupt is kept; the event is kept too
                    break;
                }
            }
            if (target != null) {
                return target;
            }
            if (dropping) {
                return null;
            }
            pending.add(new Pending(event, nanoTime.getAsLong()));
            tell = !told && pending.size() >= many;
            told |= tell;
        }
        if (tell) {
            needed.run();
        }
        return null;
    }

    @Override
    public void opened(Object session, String api, Object endpoint, String pathTemplate, URI clientTarget) {
        CloseWatchBridge.Events live = target;
        if (live == null) {
            // A client's target from this thread's hint, resolved now: the recorder's hint is of its own thread.
            URI resolved = clientTarget != null ? clientTarget : connecting.get();
            live = keep(recorder -> recorder.opened(session, api, endpoint, pathTemplate, resolved));
        }
        if (live != null) {
            URI hint = connecting.get();
            if (hint != null) {
                connecting.remove();
                live.clientConnecting(hint); // given before the switch, on this thread
            }
            live.opened(session, api, endpoint, pathTemplate, clientTarget);
        }
    }

    @Override
    public void clientConnecting(URI uri) {
        CloseWatchBridge.Events live = target;
        if (live == null) {
            // Should the switch come before this thread's opening, the opening hands the hint over.
            if (uri == null) {
                connecting.remove();
            } else {
                connecting.set(uri);
            }
            return;
        }
        connecting.remove();
        live.clientConnecting(uri);
    }

    @Override
    public void pathTemplate(Object endpoint, String pathTemplate) {
        CloseWatchBridge.Events live = target;
        if (live == null) {
            live = keep(recorder -> recorder.pathTemplate(endpoint, pathTemplate));
        }
        if (live != null) {
            live.pathTemplate(endpoint, pathTemplate);
        }
    }

    @Override
    public void closeSent(Object session, String api, int code) {
        CloseWatchBridge.Events live = target;
        if (live == null) {
            live = keep(recorder -> recorder.closeSent(session, api, code));
        }
        if (live != null) {
            live.closeSent(session, api, code);
        }
    }

    @Override
    public void sameSession(Object connection, Object session) {
        CloseWatchBridge.Events live = target;
        if (live == null) {
            live = keep(recorder -> recorder.sameSession(connection, session));
        }
        if (live != null) {
            live.sameSession(connection, session);
        }
    }

    @Override
    public void closeSentOn(Object connection, int code) {
        CloseWatchBridge.Events live = target;
        if (live == null) {
            live = keep(recorder -> recorder.closeSentOn(connection, code));
        }
        if (live != null) {
            live.closeSentOn(connection, code);
        }
    }

    @Override
    public void closeReceived(Object session, String api, int code) {
        CloseWatchBridge.Events live = target;
        if (live == null) {
            live = keep(recorder -> recorder.closeReceived(session, api, code));
        }
        if (live != null) {
            live.closeReceived(session, api, code);
        }
    }

    @Override
    public void aborted(Object session, String api) {
        CloseWatchBridge.Events live = target;
        if (live == null) {
            live = keep(recorder -> recorder.aborted(session, api));
        }
        if (live != null) {
            live.aborted(session, api);
        }
    }

    @Override
    public void connectionLost(Object session) {
        CloseWatchBridge.Events live = target;
        if (live == null) {
            live = keep(recorder -> recorder.connectionLost(session));
        }
        if (live != null) {
            live.connectionLost(session);
        }
    }

    @Override
    public void errorReported(Object session, Throwable error) {
        CloseWatchBridge.Events live = target;
        if (live == null) {
            live = keep(recorder -> recorder.errorReported(session, error));
        }
        if (live != null) {
            live.errorReported(session, error);
        }
    }

    @Override
    public void idleTimedOut(Object session) {
        CloseWatchBridge.Events live = target;
        if (live == null) {
            live = keep(recorder -> recorder.idleTimedOut(session));
        }
        if (live != null) {
            live.idleTimedOut(session);
        }
    }

    @Override
    public void ended(Object session, String api, int reportedCode, boolean peerFramesTracked) {
        CloseWatchBridge.Events live = target;
        if (live == null) {
            live = keep(recorder -> recorder.ended(session, api, reportedCode, peerFramesTracked));
        }
        if (live != null) {
            live.ended(session, api, reportedCode, peerFramesTracked);
        }
    }

    @Override
    public void endedIfSeen(Object session, String api, boolean peerFramesTracked) {
        CloseWatchBridge.Events live = target;
        if (live == null) {
            live = keep(recorder -> recorder.endedIfSeen(session, api, peerFramesTracked));
        }
        if (live != null) {
            live.endedIfSeen(session, api, peerFramesTracked);
        }
    }

    @Override
    public void handshakeUncounted(String className) {
        CloseWatchBridge.Events live = target;
        if (live == null) {
            live = keep(recorder -> recorder.handshakeUncounted(className));
        }
        if (live != null) {
            live.handshakeUncounted(className);
        }
    }

    @Override
    public void failed(String event, Throwable error) {
        CloseWatchBridge.Events live = target;
        if (live == null) {
            live = keep(recorder -> recorder.failed(event, error));
        }
        if (live != null) {
            live.failed(event, error);
        }
    }

    /**
     * The time an event happened while it is replayed (under the lock, on the replaying thread: no live event reaches
     * the recorder before the replay is over), else now.
     */
    private static final class ReplayClock implements LongSupplier {
        private final LongSupplier now;
        private volatile boolean replaying;
        private volatile long replayedNanos;

        ReplayClock(LongSupplier now) {
            this.now = now;
        }

        void replaying(long nanos) {
            replayedNanos = nanos;
            replaying = true;
        }

        void live() {
            replaying = false;
        }

        @Override
        public long getAsLong() {
            return replaying ? replayedNanos : now.getAsLong();
        }
    }
}
