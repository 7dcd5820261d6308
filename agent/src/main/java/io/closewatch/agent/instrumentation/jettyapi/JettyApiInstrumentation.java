package io.closewatch.agent.instrumentation.jettyapi;

import io.closewatch.agent.instrumentation.Advices;
import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;

import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Jetty's own WebSocket API ({@code org.eclipse.jetty.websocket.api}: {@code Session.Listener}, {@code @WebSocket}
 * endpoints, {@code WebSocketClient}), and what runs on it, such as Spring WebSocket on Jetty. Every session of it
 * runs through a {@code JettyWebSocketFrameHandler} ({@code org.eclipse.jetty.websocket.common} in Jetty 12.0 and
 * 12.1), hooked as the jakarta one is: {@code onOpen}, {@code onCloseFrame} (the peer's close
 * frame) and {@code notifyOnClose} (the code the application is told); and its {@code WebSocketSession}'s
 * {@code close} (this side closes: the peer's echo must not count as its close) and {@code disconnect} (this side
 * drops the connection, as the JDK client's {@code abort()}). The server's endpoint label is the path
 * template the upgrade was mapped by, read where Jetty negotiates it ({@code CreatorNegotiator.negotiate}): the
 * handler mapping's pattern that Spring put into the request, else the {@code PathSpec} Jetty matched.
 */
public final class JettyApiInstrumentation implements InstrumentationModule {
    private static final String COMMON = "org.eclipse.jetty.websocket.common.";

    @Override
    public String stack() {
        return "jetty-api";
    }

    /** {@code WebSocketSession}'s class file names its frame handler too. */
    @Override
    public String[] classFileNames() {
        return new String[] {"JettyWebSocketFrameHandler", "CreatorNegotiator"};
    }

    @Override
    public List<TypeHooks> hooks(ClassLoader adviceLoader) {
        ClassLoaderCanSee seesCore = ClassLoaderCanSee.canSee("org.eclipse.jetty.websocket.core.CloseStatus");
        return List.of(
                new TypeHooks(named(COMMON + "JettyWebSocketFrameHandler"), seesCore, Advices.plain(adviceLoader)
                        .advice(named("onOpen").and(takesArguments(2)), advice("OpenAdvice"))
                        .advice(named("onCloseFrame").and(takesArguments(2)), advice("PeerCloseAdvice"))
                        .advice(named("notifyOnClose").and(takesArguments(2)), advice("CloseAdvice"))),
                new TypeHooks(named(COMMON + "WebSocketSession"), seesCore, Advices.plain(adviceLoader)
                        .advice(named("close").and(takesArguments(3)).and(takesArgument(0, int.class)),
                                advice("SessionCloseAdvice"))
                        .advice(named("disconnect").and(takesArguments(0)), advice("DisconnectAdvice"))),
                new TypeHooks(named("org.eclipse.jetty.websocket.core.server.internal.CreatorNegotiator"), seesCore,
                        Advices.plain(adviceLoader)
                                .advice(named("negotiate").and(takesArguments(3)), advice("NegotiateAdvice")))
                        .shared());
    }
}
