package io.closewatch.agent.core;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * The life of one WebSocket session as far as counting goes: who sent the first close frame with which code, why the
 * stack said it ended, and whether the session has already been counted. Every transition is a single
 * compare-and-set, so concurrent callbacks (an abort racing the peer's close, an error after a close) can never count
 * a session twice.
 *
 * @param <M> what the session is counted against (its meters); opaque here
 */
public final class SessionState<M> {
    private static final int NO_FRAME = 0;
    private static final long NOT_SEEN_OPENING = Long.MIN_VALUE;

    private final M meters;
    private final long openedAtNanos;
    /** 0 until the first close frame; then (initiator ordinal + 1) in the high half and the code + 1 in the low. */
    private final AtomicInteger firstClose = new AtomicInteger(NO_FRAME);
    private final AtomicBoolean ended = new AtomicBoolean();
    /**
     * The first cause the stack reported ({@link CloseCauses}), or null: a class name, not the class, so that a
     * session cannot hold a web application's class loader.
     */
    private volatile String cause;
    @SuppressWarnings("rawtypes")
    private static final AtomicReferenceFieldUpdater<SessionState, String> CAUSE =
            AtomicReferenceFieldUpdater.newUpdater(SessionState.class, String.class, "cause");

    public SessionState(M meters, long openedAtNanos) {
        this.meters = meters;
        this.openedAtNanos = openedAtNanos;
    }

    /** A session that ends without the agent having seen it open (it opened before the agent was attached). */
    public static <M> SessionState<M> unseenOpening(M meters) {
        return new SessionState<>(meters, NOT_SEEN_OPENING);
    }

    public M meters() {
        return meters;
    }

    public boolean openingSeen() {
        return openedAtNanos != NOT_SEEN_OPENING;
    }

    /** How long the session lived, or 0 when its opening was not seen. */
    public long lifetimeNanos(long nowNanos) {
        return openingSeen() ? Math.max(0L, nowNanos - openedAtNanos) : 0L;
    }

    /**
     * This side sent a close frame (or asked its container to close). Only the first close frame counts.
     *
     * @param code the code sent, or {@link CloseCodes#UNKNOWN} when the container will report it at the end
     */
    public boolean closeSent(int code) {
        return markFirst(Initiator.LOCAL, code);
    }

    /** The peer's close frame arrived. A "received" 1005/1006/1015 that is an end-of-stream marker is no frame. */
    public boolean closeReceived(int code) {
        if (code == CloseCodes.ABNORMAL_CLOSURE || code == 1015) {
            return false;
        }
        return markFirst(Initiator.REMOTE, code);
    }

    /** This side dropped the connection without a close handshake. */
    public boolean aborted() {
        return markFirst(Initiator.LOCAL, CloseCodes.ABNORMAL_CLOSURE);
    }

    /** The connection broke before any close frame: 1006, initiated by no one, whatever the stack does next. */
    public boolean connectionLost() {
        return markFirst(Initiator.NONE, CloseCodes.ABNORMAL_CLOSURE);
    }

    /**
     * The stack reported an error to the application, or its idle timeout fired ({@link CloseCauses}). The first
     * cause stays: what follows it (the I/O error of closing a broken connection) is its consequence.
     */
    public void causeReported(String reported) {
        if (cause == null) {
            CAUSE.compareAndSet(this, null, reported);
        }
    }

    /** The first cause reported, or {@link CloseCauses#NONE}. */
    public String cause() {
        String reported = cause;
        return reported == null ? CloseCauses.NONE : reported;
    }

    /** @return true exactly once: for the caller that should count this session */
    public boolean end() {
        return !ended.get() && ended.compareAndSet(false, true);
    }

    public boolean hasEnded() {
        return ended.get();
    }

    /**
     * The code to count: 1006 for a connection lost before any close frame, else what the container reported when
     * it reported one (jakarta), else the first close frame's code, else 1006.
     */
    public int code(int reportedCode) {
        int first = firstClose.get();
        if (first != NO_FRAME && Initiator.byOrdinal((first >>> 16) - 1) == Initiator.NONE) {
            return CloseCodes.ABNORMAL_CLOSURE;
        }
        if (reportedCode != CloseCodes.UNKNOWN) {
            return reportedCode;
        }
        int firstCode = first == NO_FRAME ? CloseCodes.UNKNOWN : (first & 0xFFFF) - 1;
        return firstCode == CloseCodes.UNKNOWN ? CloseCodes.ABNORMAL_CLOSURE : firstCode;
    }

    /**
     * Who started the close. With no close frame recorded, an abnormal code (1006, 1015) means there was no frame
     * at all. Any other code means a frame was exchanged: when the peer's frames are tracked and none was seen,
     * this side's container sent it (an idle timeout, say); when they are not tracked, the peer's came first.
     */
    public Initiator initiator(int countedCode, boolean peerFramesTracked) {
        int first = firstClose.get();
        if (first != NO_FRAME) {
            return Initiator.byOrdinal((first >>> 16) - 1);
        }
        if (CloseCategory.of(countedCode) == CloseCategory.ABNORMAL) {
            return Initiator.NONE;
        }
        return peerFramesTracked ? Initiator.LOCAL : Initiator.REMOTE;
    }

    private boolean markFirst(Initiator initiator, int code) {
        if (code < CloseCodes.UNKNOWN || code > 0xFFFE) {
            code = CloseCodes.UNKNOWN; // not representable as a close code; keep the initiator, let the end decide
        }
        int encoded = ((initiator.ordinal() + 1) << 16) | (code + 1);
        return firstClose.get() == NO_FRAME && firstClose.compareAndSet(NO_FRAME, encoded);
    }
}
