package io.closewatch.containers.host;

import org.eclipse.jetty.ee10.websocket.server.JettyWebSocketServerContainer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketError;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketOpen;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;

import java.time.Duration;

/**
 * The endpoints of {@link ServerEndpoints}, under the same paths, in the shapes of Jetty's own API: annotated
 * {@code @WebSocket} classes with and without {@code @OnWebSocketClose}, and {@code Session.Listener}s overriding
 * {@code onWebSocketClose} or not. Each obeys "close:&lt;code&gt;" and "send:&lt;length&gt;" as there.
 */
final class JettyApiEndpoints {
    private JettyApiEndpoints() {
    }

    /** Maps them, the templated ones by URI template, as a Jetty application does. */
    static void map(JettyWebSocketServerContainer container) {
        container.addMapping("uri-template|" + ServerEndpoints.ANNOTATED, (request, response) -> new Annotated());
        container.addMapping(ServerEndpoints.ANNOTATED_NO_ON_CLOSE, (request, response) -> new SilentAnnotated());
        container.addMapping("uri-template|" + ServerEndpoints.PROGRAMMATIC, (request, response) -> new Listening());
        container.addMapping(ServerEndpoints.PROGRAMMATIC_NO_ON_CLOSE, (request, response) -> new PlainListening());
        container.addMapping(ServerEndpoints.IDLE, (request, response) -> new Idle());
        container.addMapping(ServerEndpoints.SMALL_MESSAGES, (request, response) -> new SmallMessages());
        container.addMapping(ServerEndpoints.CODES, (request, response) -> new PlainListening());
        container.addMapping("uri-template|" + ServerEndpoints.FAILING, (request, response) -> new Failing());
    }

    static void obey(Session session, String message) {
        if (message.startsWith("close:")) {
            session.close(Integer.parseInt(message.substring("close:".length())), "asked to", Callback.NOOP);
        } else if (message.startsWith("send:")) {
            session.sendText("x".repeat(Integer.parseInt(message.substring("send:".length()))), Callback.NOOP);
        }
    }

    @WebSocket
    public static final class Annotated {
        @OnWebSocketMessage
        public void message(Session session, String message) {
            obey(session, message);
        }

        @OnWebSocketClose
        public void closed(Session session, int code, String reason) {
            // the application sees the code; the agent counts it
        }
    }

    @WebSocket
    public static final class SilentAnnotated {
        @OnWebSocketMessage
        public void message(Session session, String message) {
            obey(session, message);
        }
    }

    /** Times out idle sessions quickly, so that Jetty itself ends them. */
    @WebSocket
    public static final class Idle {
        @OnWebSocketOpen
        public void open(Session session) {
            session.setIdleTimeout(Duration.ofMillis(ServerEndpoints.IDLE_TIMEOUT_MILLIS));
        }
    }

    /** Overrides onWebSocketClose. */
    public static final class Listening extends PlainListening {
        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            super.onWebSocketClose(statusCode, reason);
        }
    }

    /** Overrides neither close method. */
    public static class PlainListening implements Session.Listener.AutoDemanding {
        private volatile Session session;

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
        }

        @Override
        public void onWebSocketText(String message) {
            obey(session, message);
        }
    }

    /** Takes only short text messages, so that Jetty itself closes a session with 1009. */
    public static final class SmallMessages extends PlainListening {
        @Override
        public void onWebSocketOpen(Session session) {
            super.onWebSocketOpen(session);
            session.setMaxTextMessageSize(ServerEndpoints.SMALL_MESSAGE_LIMIT);
        }
    }

    /** Fails on "throw"; its error callback then closes with 1011, as careful listeners do. */
    @WebSocket
    public static final class Failing {
        @OnWebSocketMessage
        public void message(Session session, String message) {
            if (message.equals("throw")) {
                throw new IllegalStateException("asked to throw");
            }
            obey(session, message);
        }

        @OnWebSocketError
        public void failed(Session session, Throwable error) {
            if (session.isOpen()) {
                session.close(1011, "failed", Callback.NOOP);
            }
        }
    }
}
