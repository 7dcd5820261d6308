package io.closewatch.agent.instrumentation.vertx;

import io.closewatch.agent.instrumentation.Advices;
import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;

import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Vert.x's WebSockets, 5 and 4.5 ({@code io.vertx.core.http.impl}): a server's {@code ServerWebSocketImpl} and a
 * client's {@code WebSocketImpl}, both a {@code WebSocketImplBase}. They open when made; the peer's close frame
 * arrives in {@code handleCloseFrame}, this side's goes out through {@code shutdown(timeout, unit, code, reason)} in
 * 5 and {@code sendCloseFrame(code, reason)} in 4.5 (every {@code close} ends there), and the session ends in
 * {@code handleConnectionClosed}, where
 * the application's close handler reads {@code closeStatusCode()}: the peer's code, or 1006 without one. A server
 * session is labelled with its path, which Vert.x knows only as requested (under the {@code max.endpoints} cap).
 */
public final class VertxInstrumentation implements InstrumentationModule {
    private static final String IMPL = "io.vertx.core.http.impl.";

    @Override
    public String stack() {
        return "vertx";
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"WebSocketImplBase"};
    }

    @Override
    public List<TypeHooks> hooks(ClassLoader adviceLoader) {
        ClassLoaderCanSee seesVertx = ClassLoaderCanSee.canSee("io.vertx.core.http.WebSocketBase");
        return List.of(
                new TypeHooks(named(IMPL + "ServerWebSocketImpl"), seesVertx, Advices.plain(adviceLoader)
                        .advice(isConstructor(), advice("ServerOpenAdvice"))),
                new TypeHooks(named(IMPL + "WebSocketImpl"), seesVertx, Advices.plain(adviceLoader)
                        .advice(isConstructor(), advice("ClientOpenAdvice"))),
                new TypeHooks(named(IMPL + "WebSocketImplBase"), seesVertx, Advices.plain(adviceLoader)
                        .advice(named("handleCloseFrame").and(takesArguments(1)), advice("PeerCloseAdvice"))
                        .advice(named("shutdown").and(takesArguments(4)).and(takesArgument(2, short.class)),
                                advice("CloseAdvice"))
                        .advice(named("sendCloseFrame").and(takesArguments(2)).and(takesArgument(0, short.class)),
                                advice("CloseFrameAdvice"))
                        .advice(named("handleConnectionClosed").and(takesArguments(0)), advice("EndAdvice"))));
    }
}
