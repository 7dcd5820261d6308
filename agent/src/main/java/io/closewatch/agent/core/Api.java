package io.closewatch.agent.core;

/**
 * Values of the {@code api} label: the API through which the application saw the session. A public contract.
 * Constants rather than an enum because advice passes them on from inside the host's classes, where only JDK types
 * may appear; the compiler inlines them there.
 */
public final class Api {
    /** {@code jakarta.websocket}; also the package prefix of that namespace. */
    public static final String JAKARTA = "jakarta";
    /** {@code javax.websocket} (Java EE 8); also the package prefix of that namespace. */
    public static final String JAVAX = "javax";
    /** Jetty's own WebSocket API ({@code org.eclipse.jetty.websocket.api}), and what runs on it (Spring on Jetty). */
    public static final String JETTY = "jetty";
    /** {@code java.net.http.WebSocket} */
    public static final String JDK = "jdk";
    /** OkHttp's WebSocket client ({@code okhttp3.WebSocket}) */
    public static final String OKHTTP = "okhttp";
    /** Reactor Netty's {@code WebsocketInbound}/{@code WebsocketOutbound}, and what runs on it (Spring WebFlux) */
    public static final String REACTOR_NETTY = "reactor-netty";
    /** Netty's own WebSocket codec ({@code io.netty.handler.codec.http.websocketx}), used directly */
    public static final String NETTY = "netty";
    /** Vert.x's {@code ServerWebSocket} and {@code WebSocket} ({@code io.vertx.core.http}) */
    public static final String VERTX = "vertx";
    /** Java-WebSocket's {@code org.java_websocket.WebSocket} (its {@code WebSocketServer} and {@code WebSocketClient}) */
    public static final String JAVA_WEBSOCKET = "java-websocket";
    /** Helidon 4's {@code io.helidon.websocket.WsSession} (its WebServer's {@code WsRouting} and its {@code WsClient}) */
    public static final String HELIDON = "helidon";

    private Api() {
    }

    /** The side of a session of {@code api} whose opening the agent did not see. */
    public static Side sideOfUnseenSession(String api) {
        return JDK.equals(api) ? Side.CLIENT : Side.UNKNOWN;
    }
}
