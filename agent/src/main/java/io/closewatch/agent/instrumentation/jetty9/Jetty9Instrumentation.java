package io.closewatch.agent.instrumentation.jetty9;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.named;

/**
 * Jetty 9.4. Its {@code javax.websocket} implementation ({@code org.eclipse.jetty.websocket.jsr356}) and its own API
 * ({@code WebSocketListener}, {@code @WebSocket} endpoints, {@code WebSocketClient}) run every session, server and
 * client, through one class, {@code org.eclipse.jetty.websocket.common.WebSocketSession} (the JSR's
 * {@code JsrSession} extends it), hooked here: {@code open()} (before the frames that came with the handshake are
 * read), its one private {@code close(CloseInfo, Callback)} (this side closes), {@code disconnect()} (this side
 * drops the connection) and {@code callApplicationOnClose(CloseInfo)} (the code the application is told, once); and
 * the connection's {@code remoteClose} (the peer's close frame) and {@code close(Throwable)} (a failure: of I/O, the
 * connection lost). A server session is labelled with the template its
 * upgrade was mapped by, read in {@code WebSocketServerFactory.acceptWebSocket}, where the JSR's mappings and the
 * native ones (and Spring's handler mapping, when Spring 5.3 upgrades on Jetty) leave it in the request.
 */
public final class Jetty9Instrumentation implements InstrumentationModule {
    private static final String COMMON = "org.eclipse.jetty.websocket.common.";
    /** A class of Jetty 9.4's WebSocket implementation that Jetty 10 and later no longer have. */
    private static final ClassLoaderCanSee SEES_JETTY_9 = ClassLoaderCanSee.canSee(COMMON + "CloseInfo");

    @Override
    public String stack() {
        return "jetty-9.4";
    }

    @Override
    public String[] handshakeClasses() {
        return new String[] {COMMON + "AcceptHash"};
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"callApplicationOnClose", "AbstractWebSocketConnection", "WebSocketServerFactory",
            "events/AbstractEventDriver"};
    }

    @Override
    public List<TypeHooks> hooks() {
        return List.of(
                new TypeHooks(TypeMatch.named(COMMON + "WebSocketSession"), SEES_JETTY_9)
                        .advice(named("open").takesArguments(0), advice("SessionOpenAdvice"))
                        .advice(named("close").takesArguments(2).takesArgument(0, COMMON + "CloseInfo"),
                                advice("SessionCloseAdvice"))
                        .advice(named("disconnect").takesArguments(0), advice("DisconnectAdvice"))
                        .advice(named("callApplicationOnClose").takesArguments(1), advice("ApplicationCloseAdvice"))
                        .adviceIfPresent(named("callApplicationOnError").takesArguments(1),
                                advice("ApplicationErrorAdvice"))
                        .adviceIfPresent(named("close").takesArguments(1).takesArgument(0, "java.lang.Throwable"),
                                advice("ApplicationErrorAdvice")),
                new TypeHooks(TypeMatch.declaresMethod("onError")
                        .and(TypeMatch.hasSuperType(COMMON + "events.AbstractEventDriver")), SEES_JETTY_9)
                        .advice(named("onError").takesArguments("java.lang.Throwable").notAbstract(),
                                advice("EventDriverErrorAdvice"))
                        .shared(),
                new TypeHooks(TypeMatch.named(COMMON + "io.AbstractWebSocketConnection"), SEES_JETTY_9)
                        .advice(named("remoteClose").takesArguments(1), advice("RemoteCloseAdvice"))
                        .advice(named("close").takesArguments(1).takesArgument(0, "java.lang.Throwable"),
                                advice("ConnectionFailedAdvice"))
                        .shared(),
                new TypeHooks(TypeMatch.named("org.eclipse.jetty.websocket.server.WebSocketServerFactory"),
                        SEES_JETTY_9)
                        .advice(named("acceptWebSocket").takesArguments(3), advice("UpgradeAdvice"))
                        .inWebSocketNamespace("javax")
                        .shared());
    }
}
