package io.closewatch.agent.recording;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.closewatch.agent.core.CloseCauses;
import io.closewatch.agent.core.CloseCodes;
import io.closewatch.agent.core.Labels;
import io.closewatch.agent.core.SessionState;
import io.closewatch.agent.core.Side;
import io.closewatch.agent.core.WeakIdentityMap;
import io.closewatch.agent.metrics.CloseMeters;
import io.closewatch.agent.metrics.EndpointMeters;

import java.lang.ref.WeakReference;
import java.net.URI;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Turns what the instrumented APIs report into counted sessions: tracks each session from open to end and counts
 * it exactly once, against the endpoint it opened on.
 */
public final class CloseRecorder implements CloseWatchBridge.Events {
    private final CloseMeters meters;
    private final AgentErrors errors;
    private final LongSupplier nanoClock;
    private final WeakIdentityMap<SessionState<EndpointMeters>> sessions = new WeakIdentityMap<>();
    /** Templates frameworks mapped handshakes by, per endpoint object (see {@link #pathTemplate}). */
    private final WeakIdentityMap<String> templates = new WeakIdentityMap<>();
    /**
     * Sessions by the connection objects that stand for them ({@link #sameSession}); weakly, as a session refers to
     * its connection.
     */
    private final WeakIdentityMap<WeakReference<Object>> connections = new WeakIdentityMap<>();
    /** Holds only a URI (a JDK type), so it cannot pin a web application's class loader. */
    private final ThreadLocal<URI> connecting = new ThreadLocal<>();

    public CloseRecorder(CloseMeters meters, AgentErrors errors, LongSupplier nanoClock) {
        this.meters = meters;
        this.errors = errors;
        this.nanoClock = nanoClock;
    }

    @Override
    public void opened(Object session, String api, Object endpoint, String pathTemplate, URI clientTarget) {
        String mappedTemplate = endpoint == null ? null : templates.get(endpoint);
        EndpointMeters meters = pathTemplate != null
                ? this.meters.endpoint(api, Side.SERVER, mappedTemplate != null ? mappedTemplate : pathTemplate)
                : this.meters.endpoint(api, Side.CLIENT,
                        origin(clientTarget != null ? clientTarget : connecting.get()));
        // A subclass's onOpen calling super.onOpen, or two hooks of one container, report a session twice.
        if (sessions.putIfAbsent(session, new SessionState<>(meters, nanoClock.getAsLong())) == null) {
            meters.opened();
        }
    }

    @Override
    public void pathTemplate(Object endpoint, String pathTemplate) {
        templates.putIfAbsent(endpoint, pathTemplate);
    }

    @Override
    public void clientConnecting(URI target) {
        if (target == null) {
            connecting.remove();
        } else {
            connecting.set(target);
        }
    }

    @Override
    public void closeSent(Object session, String api, int code) {
        state(session, api).closeSent(code);
    }

    @Override
    public void sameSession(Object connection, Object session) {
        connections.putIfAbsent(connection, new WeakReference<>(session));
    }

    /** Only for a session whose opening was seen: a connection without one may be of a stack not counted. */
    @Override
    public void closeSentOn(Object connection, int code) {
        SessionState<EndpointMeters> state = sessionOf(connection);
        if (state != null) {
            state.closeSent(code);
        }
    }

    @Override
    public void closeReceived(Object session, String api, int code) {
        state(session, api).closeReceived(code);
    }

    @Override
    public void aborted(Object session, String api) {
        SessionState<EndpointMeters> state = state(session, api);
        state.aborted();
        end(state, CloseCodes.UNKNOWN, true);
    }

    /** Of a session, or of a connection tied to one ({@link #sameSession}); of anything else, nothing. */
    @Override
    public void connectionLost(Object sessionOrConnection) {
        SessionState<EndpointMeters> state = seen(sessionOrConnection);
        if (state != null) {
            state.connectionLost();
        }
    }

    /** As {@link #connectionLost}: an error about a session not seen may be a stack's not counted. */
    @Override
    public void errorReported(Object sessionOrConnection, Throwable error) {
        SessionState<EndpointMeters> state = seen(sessionOrConnection);
        if (state != null) {
            state.causeReported(CloseCauses.of(error));
        }
    }

    @Override
    public void idleTimedOut(Object sessionOrConnection) {
        SessionState<EndpointMeters> state = seen(sessionOrConnection);
        if (state != null) {
            state.causeReported(CloseCauses.IDLE_TIMEOUT);
        }
    }

    /** The state of a session seen, or of the one a connection is tied to; else null. */
    private SessionState<EndpointMeters> seen(Object sessionOrConnection) {
        SessionState<EndpointMeters> state = sessions.get(sessionOrConnection);
        return state != null ? state : sessionOf(sessionOrConnection);
    }

    /**
     * The seen session {@code connection} was tied to ({@link #sameSession}), or null; through one more tie, as a
     * framework's connection is tied to the wrapper it holds, and the wrapper to the session (Quarkus on Vert.x Web).
     */
    private SessionState<EndpointMeters> sessionOf(Object connection) {
        Object tied = connection;
        for (int hop = 0; hop < 2; hop++) {
            WeakReference<Object> next = connections.get(tied);
            tied = next == null ? null : next.get();
            if (tied == null) {
                return null;
            }
            SessionState<EndpointMeters> state = sessions.get(tied);
            if (state != null) {
                return state;
            }
        }
        return null;
    }

    @Override
    public void ended(Object session, String api, int reportedCode, boolean peerFramesTracked) {
        end(state(session, api), reportedCode, peerFramesTracked);
    }

    @Override
    public void endedIfSeen(Object session, String api, boolean peerFramesTracked) {
        SessionState<EndpointMeters> state = sessions.get(session);
        if (state != null) {
            end(state, CloseCodes.UNKNOWN, peerFramesTracked);
        }
    }

    @Override
    public void handshakeUncounted(String className) {
        meters.handshakeUncounted(CloseMeters.implementationOf(className));
    }

    @Override
    public void failed(String event, Throwable error) {
        errors.failed(event, error);
    }

    private void end(SessionState<EndpointMeters> state, int reportedCode, boolean peerFramesTracked) {
        if (state.end()) {
            int code = state.code(reportedCode);
            state.meters().closed(code, state.initiator(code, peerFramesTracked),
                    state.lifetimeNanos(nanoClock.getAsLong()), state.openingSeen(), state.cause());
        }
    }

    /**
     * The state of a session; for one whose opening the agent did not see (it opened before the agent was
     * attached), a new one from this first event on, so that its close frames and its end still count, once.
     */
    private SessionState<EndpointMeters> state(Object session, String api) {
        SessionState<EndpointMeters> state = sessions.get(session);
        if (state != null) {
            return state;
        }
        state = SessionState.unseenOpening(meters.endpoint(api, Api.sideOfUnseenSession(api), Labels.UNKNOWN));
        SessionState<EndpointMeters> raced = sessions.putIfAbsent(session, state);
        return raced != null ? raced : state;
    }

    /** {@code scheme://host:port} of a client's target: never the path, which may carry ids or tokens. */
    static String origin(URI target) {
        if (target == null || target.getHost() == null) {
            return Labels.UNKNOWN;
        }
        String scheme = target.getScheme() == null ? "ws" : target.getScheme().toLowerCase(Locale.ROOT);
        int port = target.getPort();
        if (port < 0) {
            port = "wss".equals(scheme) || "https".equals(scheme) ? 443 : 80;
        }
        return scheme + "://" + target.getHost().toLowerCase(Locale.ROOT) + ':' + port;
    }
}
