package io.closewatch.agent.recording;

import io.closewatch.agent.bootstrap.CloseWatchBridge;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The bridge's events while the recorder is not built yet: kept in order, each with the time it happened, replayed
 * into the recorder once it exists ({@link #replayInto}), and from then on passed straight through. So the agent can
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

    private enum Kind {
        OPENED, PATH_TEMPLATE, CLOSE_SENT, SAME_SESSION, CLOSE_SENT_ON, CLOSE_RECEIVED, ABORTED, CONNECTION_LOST, ENDED,
        ENDED_IF_SEEN, FAILED
    }

    /** One event; which fields mean what depends on its kind (see {@link #replay}). */
    private record Pending(Kind kind, Object first, Object second, Object third, Object fourth, Object fifth,
                           int code, boolean flag, long nanos) {
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
                    replay(recorder, event);
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

    private static void replay(CloseWatchBridge.Events recorder, Pending e) {
        switch (e.kind()) {
            // The client's target was resolved when the event was kept: the recorder's hint is of its own thread.
            case OPENED -> recorder.opened(e.first(), (String) e.second(), e.third(), (String) e.fourth(),
                    (URI) e.fifth());
            case PATH_TEMPLATE -> recorder.pathTemplate(e.first(), (String) e.second());
            case CLOSE_SENT -> recorder.closeSent(e.first(), (String) e.second(), e.code());
            case SAME_SESSION -> recorder.sameSession(e.first(), e.second());
            case CLOSE_SENT_ON -> recorder.closeSentOn(e.first(), e.code());
            case CLOSE_RECEIVED -> recorder.closeReceived(e.first(), (String) e.second(), e.code());
            case ABORTED -> recorder.aborted(e.first(), (String) e.second());
            case CONNECTION_LOST -> recorder.connectionLost(e.first());
            case ENDED -> recorder.ended(e.first(), (String) e.second(), e.code(), e.flag());
            case ENDED_IF_SEEN -> recorder.endedIfSeen(e.first(), (String) e.second(), e.flag());
            default -> recorder.failed((String) e.first(), (Throwable) e.second());
        }
    }

    /**
     * Keeps the event if the recorder is not there yet.
     *
     * @return false when the event is to go to {@link #target} now
     */
    private boolean kept(Kind kind, Object first, Object second, Object third, Object fourth, Object fifth, int code,
                         boolean flag) {
        if (target != null) {
            return false;
        }
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
                return false;
            }
            if (dropping) {
                return true;
            }
            pending.add(new Pending(kind, first, second, third, fourth, fifth, code, flag, nanoTime.getAsLong()));
            tell = !told && pending.size() >= many;
            told |= tell;
        }
        if (tell) {
            needed.run();
        }
        return true;
    }

    @Override
    public void opened(Object session, String api, Object endpoint, String pathTemplate, URI clientTarget) {
        URI hint = connecting.get();
        if (!kept(Kind.OPENED, session, api, endpoint, pathTemplate, clientTarget != null ? clientTarget : hint, 0,
                false)) {
            if (hint != null) {
                connecting.remove();
                target.clientConnecting(hint); // given before the switch, on this thread
            }
            target.opened(session, api, endpoint, pathTemplate, clientTarget);
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
        if (!kept(Kind.PATH_TEMPLATE, endpoint, pathTemplate, null, null, null, 0, false)) {
            target.pathTemplate(endpoint, pathTemplate);
        }
    }

    @Override
    public void closeSent(Object session, String api, int code) {
        if (!kept(Kind.CLOSE_SENT, session, api, null, null, null, code, false)) {
            target.closeSent(session, api, code);
        }
    }

    @Override
    public void sameSession(Object connection, Object session) {
        if (!kept(Kind.SAME_SESSION, connection, session, null, null, null, 0, false)) {
            target.sameSession(connection, session);
        }
    }

    @Override
    public void closeSentOn(Object connection, int code) {
        if (!kept(Kind.CLOSE_SENT_ON, connection, null, null, null, null, code, false)) {
            target.closeSentOn(connection, code);
        }
    }

    @Override
    public void closeReceived(Object session, String api, int code) {
        if (!kept(Kind.CLOSE_RECEIVED, session, api, null, null, null, code, false)) {
            target.closeReceived(session, api, code);
        }
    }

    @Override
    public void aborted(Object session, String api) {
        if (!kept(Kind.ABORTED, session, api, null, null, null, 0, false)) {
            target.aborted(session, api);
        }
    }

    @Override
    public void connectionLost(Object session) {
        if (!kept(Kind.CONNECTION_LOST, session, null, null, null, null, 0, false)) {
            target.connectionLost(session);
        }
    }

    @Override
    public void ended(Object session, String api, int reportedCode, boolean peerFramesTracked) {
        if (!kept(Kind.ENDED, session, api, null, null, null, reportedCode, peerFramesTracked)) {
            target.ended(session, api, reportedCode, peerFramesTracked);
        }
    }

    @Override
    public void endedIfSeen(Object session, String api, boolean peerFramesTracked) {
        if (!kept(Kind.ENDED_IF_SEEN, session, api, null, null, null, 0, peerFramesTracked)) {
            target.endedIfSeen(session, api, peerFramesTracked);
        }
    }

    @Override
    public void failed(String event, Throwable error) {
        if (!kept(Kind.FAILED, event, error, null, null, null, 0, false)) {
            target.failed(event, error);
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
