package io.closewatch.agent.bootstrap;

import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The only agent class that instrumented code calls. It is injected into the bootstrap class loader so that
 * advice inlined anywhere (the JDK's own {@code java.net.http} module, a web application's class loader) can see
 * it; that is why its signatures use JDK types only. It forwards to the {@link Events} the agent installs, and no
 * exception ever leaves it: instrumented code must behave exactly as it would without the agent.
 */
public final class CloseWatchBridge {
    /** What instrumented code reports. Sessions are the container's or the JDK's own objects, by identity. */
    public interface Events {
        /**
         * A session opened: a server session when {@code pathTemplate} is given, else a client session to
         * {@code clientTarget}, which may be null when the session does not know it (see {@link #clientConnecting}).
         *
         * @param endpoint the endpoint object the session opened on, or null
         */
        void opened(Object session, String api, Object endpoint, String pathTemplate, URI clientTarget);

        /**
         * A framework deployed {@code endpoint} under a concrete request path, and the template its handler mapping
         * matched is {@code pathTemplate} (Spring does this for every handshake).
         */
        void pathTemplate(Object endpoint, String pathTemplate);

        /**
         * This thread is connecting a client to {@code target} (null: done). Containers that open the session
         * inside the connect call, as Tomcat does, do not tell the session its URI.
         */
        void clientConnecting(URI target);

        /** This side sent a close frame; {@code code} may be -1 when only the container knows it. */
        void closeSent(Object session, String api, int code);

        /**
         * Events about {@code connection} are about {@code session}: for containers whose lower layer, which knows
         * only its connection object, sends close frames by itself (Undertow's core).
         */
        void sameSession(Object connection, Object session);

        /** This side sent a close frame on a connection tied to an open session by {@link #sameSession}. */
        void closeSentOn(Object connection, int code);

        void closeReceived(Object session, String api, int code);

        void aborted(Object session, String api);

        /**
         * The connection of a session the agent has seen broke (reset, say) before any close frame: whatever the
         * stack then tries to send or tells the application, no close handshake took place.
         *
         * @param session the session, or a connection {@link #sameSession} tied to one
         */
        void connectionLost(Object session);

        /**
         * The stack reported {@code error} to the application (an error callback such as {@code onError}) for a
         * session the agent has seen: the session's cause, if it is the first.
         *
         * @param session the session, or a connection {@link #sameSession} tied to one
         */
        void errorReported(Object session, Throwable error);

        /** The stack's own idle timeout is ending a session the agent has seen: its cause. */
        void idleTimedOut(Object session);

        /**
         * The session is over; {@code reportedCode} is the code the container reported, or -1.
         *
         * @param peerFramesTracked whether the hooks report every close frame the peer sends; then a session
         *                          closed with neither side's frame recorded was closed by the container itself
         */
        void ended(Object session, String api, int reportedCode, boolean peerFramesTracked);

        /**
         * As {@link #ended}, for hooks that cannot tell a WebSocket session from another use of the same object (a
         * connection whose upgrade never completed): only a session the agent has seen, open or exchange a close
         * frame, is counted.
         */
        void endedIfSeen(Object session, String api, boolean peerFramesTracked);

        /**
         * A class of an implementation the agent does not count ({@code className}) answered or checked an opening
         * handshake (see {@code UncountedHandshakes}).
         */
        void handshakeUncounted(String className);

        /** Something in the agent failed while handling an event; the host must not notice. */
        void failed(String event, Throwable error);
    }

    /** The {@code reason} of {@code closewatch_agent_errors_total} for a throwable inside advice. */
    public static final String ADVICE_FAILED = "instrumentation";

    private static final AtomicBoolean CLAIMED = new AtomicBoolean();
    /**
     * Why sessions that end on this thread now end: the failure a reactive operator is cancelling its upstream for,
     * or {@link #IDLE_TIMER} while a stack's idle timer closes connections.
     */
    private static final ThreadLocal<Object> ENDING = new ThreadLocal<>();
    private static final Object IDLE_TIMER = new Object();
    private static volatile Events events;
    private static volatile Consumer<Class<?>> micrometerListener;

    private CloseWatchBridge() {
    }

    public static void install(Events installed) {
        events = installed;
    }

    /** Told when an application's Micrometer has initialized ({@code export=host}). */
    public static void onMicrometer(Consumer<Class<?>> listener) {
        micrometerListener = listener;
    }

    /**
     * An application's {@code io.micrometer.core.instrument.Metrics} has initialized: its global registry exists.
     * Called from that class's static initializer.
     */
    public static void micrometerInitialized(Class<?> metrics) {
        Consumer<Class<?>> listener = micrometerListener;
        if (listener != null) {
            try {
                listener.accept(metrics);
            } catch (Throwable t) {
                Events e = events;
                if (e != null) {
                    failed(e, "host_export", t);
                }
            }
        }
    }

    /**
     * @return true for the first agent start in this JVM, false for any later one (the agent given twice, or
     *         attached to a JVM it already runs in). Decided at once, before anything is installed.
     */
    public static boolean claim() {
        return CLAIMED.compareAndSet(false, true);
    }

    public static void opened(Object session, String api, Object endpoint, String pathTemplate, URI clientTarget) {
        Events e = events;
        if (e != null && session != null) {
            try {
                e.opened(session, api, endpoint, pathTemplate, clientTarget);
            } catch (Throwable t) {
                failed(e, "open", t);
            }
        }
    }

    public static void pathTemplate(Object endpoint, String pathTemplate) {
        Events e = events;
        if (e != null && endpoint != null && pathTemplate != null) {
            try {
                e.pathTemplate(endpoint, pathTemplate);
            } catch (Throwable t) {
                failed(e, "open", t);
            }
        }
    }

    public static void clientConnecting(URI target) {
        Events e = events;
        if (e != null) {
            try {
                e.clientConnecting(target);
            } catch (Throwable t) {
                failed(e, "connect", t);
            }
        }
    }

    public static void closeSent(Object session, String api, int code) {
        Events e = events;
        if (e != null && session != null) {
            try {
                e.closeSent(session, api, code);
            } catch (Throwable t) {
                failed(e, "close_sent", t);
            }
        }
    }

    public static void sameSession(Object connection, Object session) {
        Events e = events;
        if (e != null && connection != null && session != null) {
            try {
                e.sameSession(connection, session);
            } catch (Throwable t) {
                failed(e, "open", t);
            }
        }
    }

    public static void closeSentOn(Object connection, int code) {
        Events e = events;
        if (e != null && connection != null) {
            try {
                e.closeSentOn(connection, code);
            } catch (Throwable t) {
                failed(e, "close_sent", t);
            }
        }
    }

    public static void closeReceived(Object session, String api, int code) {
        Events e = events;
        if (e != null && session != null) {
            try {
                e.closeReceived(session, api, code);
            } catch (Throwable t) {
                failed(e, "close_received", t);
            }
        }
    }

    public static void aborted(Object session, String api) {
        Events e = events;
        if (e != null && session != null) {
            try {
                e.aborted(session, api);
            } catch (Throwable t) {
                failed(e, "abort", t);
            }
        }
    }

    public static void connectionLost(Object session) {
        Events e = events;
        if (e != null && session != null) {
            try {
                e.connectionLost(session);
            } catch (Throwable t) {
                failed(e, "abort", t);
            }
        }
    }

    public static void errorReported(Object session, Throwable error) {
        Events e = events;
        if (e != null && session != null && error != null) {
            try {
                e.errorReported(session, error);
            } catch (Throwable t) {
                failed(e, "error", t);
            }
        }
    }

    public static void idleTimedOut(Object session) {
        Events e = events;
        if (e != null && session != null) {
            try {
                e.idleTimedOut(session);
            } catch (Throwable t) {
                failed(e, "error", t);
            }
        }
    }

    /**
     * A reactive operator caught {@code failure} and, on this thread, cancels what it subscribed to. Returns what this
     * replaces, for the caller to give back to {@link #endingDone} when it is done.
     */
    public static Object operatorFails(Throwable failure) {
        return ending(failure);
    }

    /** A stack's idle timer, on this thread, closes the connections idle too long; as {@link #operatorFails}. */
    public static Object idleTimerRuns() {
        return ending(IDLE_TIMER);
    }

    /** Takes what {@link #operatorFails} or {@link #idleTimerRuns} returned: what was ending sessions here before. */
    public static void endingDone(Object replaced) {
        ending(replaced);
    }

    private static Object ending(Object why) {
        try {
            Object replaced = ENDING.get();
            if (why == null) {
                ENDING.remove();
            } else {
                ENDING.set(why);
            }
            return replaced;
        } catch (Throwable t) {
            return null;
        }
    }

    /**
     * {@code session} ends (or its end begins) on this thread: where an operator's failure or an idle timer is at work
     * here ({@link #operatorFails}, {@link #idleTimerRuns}), that is why.
     */
    public static void endsHere(Object session) {
        Object why;
        try {
            why = ENDING.get();
        } catch (Throwable t) {
            return;
        }
        if (why == IDLE_TIMER) {
            idleTimedOut(session);
        } else if (why instanceof Throwable) {
            errorReported(session, (Throwable) why);
        }
    }

    public static void ended(Object session, String api, int reportedCode) {
        ended(session, api, reportedCode, false);
    }

    public static void ended(Object session, String api, int reportedCode, boolean peerFramesTracked) {
        Events e = events;
        if (e != null && session != null) {
            try {
                e.ended(session, api, reportedCode, peerFramesTracked);
            } catch (Throwable t) {
                failed(e, "end", t);
            }
        }
    }

    public static void endedIfSeen(Object session, String api, boolean peerFramesTracked) {
        Events e = events;
        if (e != null && session != null) {
            try {
                e.endedIfSeen(session, api, peerFramesTracked);
            } catch (Throwable t) {
                failed(e, "end", t);
            }
        }
    }

    /** A method of {@code className}, which holds the accept GUID and no module covers, used it and returned. */
    public static void handshakeUncounted(String className) {
        Events e = events;
        if (e != null && className != null) {
            try {
                e.handshakeUncounted(className);
            } catch (Throwable t) {
                failed(e, "handshake", t);
            }
        }
    }

    /**
     * A throwable escaped an advice woven into a host's class (a library that changed under it, a bug of ours): the
     * advice's catch-all hands it here instead of dropping it, and it is counted with the failures to hook
     * ({@value #ADVICE_FAILED}) and logged once. Never throws.
     */
    public static void adviceFailed(Throwable error) {
        Events e = events;
        if (e != null) {
            failed(e, ADVICE_FAILED, error);
        }
    }

    private static void failed(Events e, String event, Throwable error) {
        try {
            e.failed(event, error);
        } catch (Throwable ignored) {
            // Reporting the failure failed too; staying silent is the only safe choice left.
        }
    }
}
