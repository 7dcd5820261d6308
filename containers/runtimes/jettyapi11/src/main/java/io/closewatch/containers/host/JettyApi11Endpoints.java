package io.closewatch.containers.host;

import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketAdapter;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketClose;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketError;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketConnect;
import org.eclipse.jetty.websocket.api.annotations.OnWebSocketMessage;
import org.eclipse.jetty.websocket.api.annotations.WebSocket;
import org.eclipse.jetty.websocket.server.JettyWebSocketServerContainer;

import java.time.Duration;

/**
 * The endpoints of {@link ServerEndpoints}, under the same paths, in the shapes of Jetty 11's (and 10's) own API: annotated
 * {@code @WebSocket} classes with and without {@code @OnWebSocketClose}, and {@code WebSocketAdapter}s overriding
 * {@code onWebSocketClose} or not. Each obeys "close:&lt;code&gt;" and "send:&lt;length&gt;" as there.
 */
final class JettyApi11Endpoints {
    private JettyApi11Endpoints() {
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
            session.close(Integer.parseInt(message.substring("close:".length())), "asked to");
        } else if (message.startsWith("send:")) {
            session.getRemote().sendString("x".repeat(Integer.parseInt(message.substring("send:".length()))),
                    WriteCallback.NOOP);
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
        @OnWebSocketConnect
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
    public static class PlainListening extends WebSocketAdapter {
        @Override
        public void onWebSocketText(String message) {
            obey(getSession(), message);
        }
    }

    /** Takes only short text messages, so that Jetty itself closes a session with 1009. */
    public static final class SmallMessages extends PlainListening {
        @Override
        public void onWebSocketConnect(Session session) {
            super.onWebSocketConnect(session);
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
                session.close(1011, "failed");
            }
        }
    }
}
