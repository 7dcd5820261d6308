package io.closewatch.agent.instrumentation.vertx;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.constructor;
import static io.closewatch.agent.instrumentation.MethodMatch.named;

/**
 * Vert.x's WebSockets, 5 and 4.5 ({@code io.vertx.core.http.impl}): a server's {@code ServerWebSocketImpl} and a
 * client's {@code WebSocketImpl}, both a {@code WebSocketImplBase}. They open when made; the peer's close frame
 * arrives in {@code handleCloseFrame}, this side's goes out through {@code shutdown(timeout, unit, code, reason)} in
 * 5 and {@code sendCloseFrame(code, reason)} in 4.5 (every {@code close} ends there), and the session ends in
 * {@code handleConnectionClosed}, where
 * the application's close handler reads {@code closeStatusCode()}: the peer's code, or 1006 without one. A server
 * session is labelled with its path, which Vert.x knows only as requested (under the {@code max.endpoints} cap). An
 * I/O failure of the HTTP connection a server session was upgraded from ({@code ConnectionBase.handleException}, the
 * connection tied to the session when it opens) before any close frame is a connection lost, whatever the
 * application then closes with (Quarkus closes with 1011); its idle timeout ({@code handleIdle}) is the session's.
 * Vert.x 5 runs a session over a connection of its own ({@code WebSocketConnectionImpl}), tied to it too.
 */
public final class VertxInstrumentation implements InstrumentationModule {
    private static final String IMPL = "io.vertx.core.http.impl.";

    @Override
    public String stack() {
        return "vertx";
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"WebSocketImplBase", "net/impl/ConnectionBase", "net/impl/VertxConnection",
            "ServerWebSocketWrapper", "WebSocketConnectionImpl"};
    }

    @Override
    public List<TypeHooks> hooks() {
        ClassLoaderCanSee seesVertx = ClassLoaderCanSee.canSee("io.vertx.core.http.WebSocketBase");
        return List.of(
                new TypeHooks(TypeMatch.named(IMPL + "ServerWebSocketImpl"), seesVertx)
                        .advice(constructor(), advice("ServerOpenAdvice")),
                new TypeHooks(TypeMatch.named(IMPL + "WebSocketImpl"), seesVertx)
                        .advice(constructor(), advice("ClientOpenAdvice")),
                new TypeHooks(TypeMatch.named(IMPL + "WebSocketImplBase"), seesVertx)
                        .advice(named("handleCloseFrame").takesArguments(1), advice("PeerCloseAdvice"))
                        // Vert.x 5 closes in shutdown, 4.5 in sendCloseFrame; neither has the other's.
                        .adviceIfPresent(named("shutdown").takesArguments(4).takesArgument(2, "short"),
                                advice("CloseAdvice"))
                        .adviceIfPresent(named("sendCloseFrame").takesArguments(2).takesArgument(0, "short"),
                                advice("CloseFrameAdvice"))
                        .advice(named("handleConnectionClosed").takesArguments(0), advice("EndAdvice")),
                // Every Vert.x connection's failures pass here; only a server session's connection is tied to one.
                new TypeHooks(TypeMatch.named("io.vertx.ext.web.impl.ServerWebSocketWrapper"), seesVertx)
                        .adviceIfPresent(constructor().takesArgument(0, "io.vertx.core.http.ServerWebSocket"),
                                advice("WrapperAdvice")).shared(),
                new TypeHooks(TypeMatch.named("io.vertx.core.net.impl.ConnectionBase"), seesVertx)
                        .advice(named("handleException").takesArguments("java.lang.Throwable"),
                                advice("ConnectionErrorAdvice"))
                        // Its idle timeout: 4.5's is here, 5's in VertxConnection.
                        .adviceIfPresent(named("handleIdle").takesArguments(1), advice("IdleAdvice")).shared(),
                new TypeHooks(TypeMatch.named("io.vertx.core.net.impl.VertxConnection"), seesVertx)
                        .advice(named("handleIdle").takesArguments(1), advice("IdleAdvice")).shared(),
                new TypeHooks(TypeMatch.named(IMPL + "WebSocketConnectionImpl"), seesVertx)
                        .advice(named("webSocket").takesArguments(1), advice("WebSocketConnectionAdvice")));
    }
}
