package io.closewatch.containers.host;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.websocket.server.ServerEndpointConfig;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server endpoints of the test host, in the shapes the agent must handle: annotated with an unusual
 * {@code @OnClose}, annotated without one, programmatic overriding {@code onClose} (and calling super), programmatic
 * not overriding it. Each obeys "close:&lt;code&gt;" by closing the session with that code, "throw" by throwing
 * {@code IllegalStateException} from its message handler, and "throw:&lt;n&gt;" by throwing the n-th of 12 kinds of
 * exception.
 */
final class ServerEndpoints {
    static final String ANNOTATED = "/annotated/{room}";
    static final String ANNOTATED_NO_ON_CLOSE = "/annotated-silent";
    static final String PROGRAMMATIC = "/programmatic/{id}";
    static final String PROGRAMMATIC_NO_ON_CLOSE = "/programmatic-plain";
    static final String IDLE = "/idle";
    static final String CODES = "/codes";
    static final String SMALL_MESSAGES = "/small";
    static final String FAILING = "/failing/{id}";
    /** What "throw:&lt;n&gt;" throws: the n-th of these, to flood the agent with distinct causes. */
    private static final List<Class<? extends RuntimeException>> FAILURE_KINDS = List.of(
            IllegalStateException.class, IllegalArgumentException.class, UnsupportedOperationException.class,
            ArithmeticException.class, ArrayStoreException.class, ClassCastException.class,
            NegativeArraySizeException.class, IndexOutOfBoundsException.class, NullPointerException.class,
            SecurityException.class, java.util.NoSuchElementException.class,
            java.util.ConcurrentModificationException.class);
    /** Text messages longer than this end the session: the container closes it with 1009 (too big). */
    static final int SMALL_MESSAGE_LIMIT = 16;
    static final long IDLE_TIMEOUT_MILLIS = 300;

    private ServerEndpoints() {
    }

    static List<ServerEndpointConfig> programmatic() {
        return List.of(
                ServerEndpointConfig.Builder.create(ProgrammaticEndpoint.class, PROGRAMMATIC).build(),
                ServerEndpointConfig.Builder.create(PlainProgrammaticEndpoint.class, PROGRAMMATIC_NO_ON_CLOSE).build());
    }

    static List<Class<?>> annotated() {
        return List.of(AnnotatedEndpoint.class, SilentAnnotatedEndpoint.class, IdleEndpoint.class,
                CodesEndpoint.class, SmallMessagesEndpoint.class, FailingEndpoint.class);
    }

    static void obey(Session session, String message) throws IOException {
        if (message.startsWith("close:")) {
            int code = Integer.parseInt(message.substring("close:".length()));
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), "asked to"));
        } else if (message.equals("throw")) {
            throw new IllegalStateException("asked to throw");
        } else if (message.startsWith("throw:")) {
            try {
                throw FAILURE_KINDS.get(Integer.parseInt(message.substring("throw:".length())))
                        .getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        } else if (message.startsWith("send:")) {
            session.getBasicRemote().sendText("x".repeat(Integer.parseInt(message.substring("send:".length()))));
        }
    }

    @ServerEndpoint(ANNOTATED)
    public static final class AnnotatedEndpoint {
        @OnOpen
        public void open(@PathParam("room") String room, Session session) {
            session.getUserProperties().put("room", room);
        }

        @OnMessage
        public void message(Session session, String message) throws IOException {
            obey(session, message);
        }

        /** Parameters in the opposite order to the usual one, and a path parameter first. */
        @OnClose
        public void closed(@PathParam("room") String room, CloseReason reason, Session session) {
            session.getUserProperties().put("closedWith", reason.getCloseCode().getCode());
        }
    }

    @ServerEndpoint(ANNOTATED_NO_ON_CLOSE)
    public static final class SilentAnnotatedEndpoint {
        @OnMessage
        public void message(String message, Session session) throws IOException {
            obey(session, message);
        }
    }

    /** Times out idle sessions quickly, so that the container itself ends them. */
    @ServerEndpoint(IDLE)
    public static final class IdleEndpoint {
        @OnOpen
        public void open(Session session) {
            session.setMaxIdleTimeout(IDLE_TIMEOUT_MILLIS);
        }
    }

    /** Takes only short text messages, so that the container itself closes a session with 1009. */
    @ServerEndpoint(SMALL_MESSAGES)
    public static final class SmallMessagesEndpoint {
        @OnOpen
        public void open(Session session) {
            session.setMaxTextMessageBufferSize(SMALL_MESSAGE_LIMIT);
        }

        /** Tyrus enforces only this limit, the others the buffer size. */
        @OnMessage(maxMessageSize = SMALL_MESSAGE_LIMIT)
        public void message(String message) {
            // never reached with a message over the limit
        }
    }

    /**
     * Handles its errors as production endpoints do: a message handler that throws ("throw") ends the session with
     * 1011 from {@code @OnError}, which every container calls with what the handler threw (JSR 356 leaves an
     * endpoint without {@code @OnError} open).
     */
    @ServerEndpoint(FAILING)
    public static final class FailingEndpoint {
        @OnMessage
        public void message(Session session, String message) throws IOException {
            obey(session, message);
        }

        @OnError
        public void failed(Session session, Throwable error) throws IOException {
            if (session.isOpen()) {
                session.close(new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "failed"));
            }
        }
    }

    /** Takes whatever codes a peer closes with; only the label-cap scenario uses it. */
    @ServerEndpoint(CODES)
    public static final class CodesEndpoint {
        @OnMessage
        public void message(String message) {
            // nothing to do
        }
    }

    /**
     * Overrides onClose and calls super: one session must still be counted once. Its onClose says which version of
     * its body ran ({@link #ON_CLOSE_SAID}), which a redefinition edits ({@link Redefiner}).
     */
    public static final class ProgrammaticEndpoint extends ProgrammaticEndpointBase {
        @Override
        public void onClose(Session session, CloseReason closeReason) {
            ON_CLOSE_SAID.put(session.getRequestURI().getPath(), "onClose-v1");
            super.onClose(session, closeReason);
        }
    }

    /**
     * What {@link ProgrammaticEndpoint#onClose} said of itself, by the path of the session it ran for: an onClose may
     * run a moment after its client saw the session end, and a late one must not be taken for the next session's.
     */
    static final Map<String, String> ON_CLOSE_SAID = new ConcurrentHashMap<>();

    /** Does not override onClose at all. */
    public static final class PlainProgrammaticEndpoint extends ProgrammaticEndpointBase {
    }

    /** A user class between Endpoint and the endpoint, overriding onOpen only. */
    public abstract static class ProgrammaticEndpointBase extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
            // A typed class, not a lambda: JSR 356 1.0 (Jetty 9.4) finds the message type by reflection.
            session.addMessageHandler(new MessageHandler.Whole<String>() {
                @Override
                public void onMessage(String message) {
                    try {
                        obey(session, message);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
        }
    }
}
