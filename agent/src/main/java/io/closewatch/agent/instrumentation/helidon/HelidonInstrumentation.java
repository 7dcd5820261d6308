package io.closewatch.agent.instrumentation.helidon;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.constructor;
import static io.closewatch.agent.instrumentation.MethodMatch.named;

/**
 * Helidon 4 SE WebSocket: its WebServer's {@code WsConnection} and its {@code WsClient}'s {@code ClientWsConnection},
 * each the session itself ({@code WsSession}), each running its session to the end in one blocking call on its own
 * (virtual) thread. Hooked: the server's {@code handle} (open at its start, before the listener's {@code onOpen}; the
 * end when it returns or throws, whatever ended it: Helidon tells the application nothing of a lost connection), the
 * client's constructor (open, inside {@code WsClientImpl.connect}, whose target it takes) and {@code run} (the end);
 * both sides' {@code close(code, reason)} (this side's frame, Helidon's own among them: an idle server, a refused
 * frame); and {@code WsListener.onClose}, which both call with the peer's close frame's code. The server's idle timer
 * ({@code IdleTimeoutHandler.run}) closes a session with {@code close(interrupt)}: {@code idle_timeout}. The server's
 * endpoint label is the path a listener was routed by ({@code WsRoute.create(path, listener)}); a listener made per
 * connection by a {@code Supplier} is {@code unknown}. Helidon 4 needs Java 21: no Helidon type appears in this
 * module's advice.
 */
public final class HelidonInstrumentation implements InstrumentationModule {
    private static final String SERVER = "io.helidon.webserver.websocket.";
    private static final String CLIENT = "io.helidon.webclient.websocket.";
    private static final String LISTENER = "io.helidon.websocket.WsListener";
    private static final ClassLoaderCanSee SEES_HELIDON_WEBSOCKET = ClassLoaderCanSee.canSee(LISTENER);

    @Override
    public String stack() {
        return "helidon";
    }

    @Override
    public String[] handshakeClasses() {
        return new String[] {SERVER + "WsUpgrader", CLIENT + "WsClientImpl"};
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"io/helidon/websocket/WsListener", "WsConnection", "WsClientImpl", "WsRoute",
            "io/helidon/webserver/IdleTimeoutHandler"};
    }

    @Override
    public List<TypeHooks> hooks() {
        return List.of(
                new TypeHooks(TypeMatch.named(SERVER + "WsConnection"), SEES_HELIDON_WEBSOCKET)
                        .advice(named("handle").takesArguments(1), advice("ServerSessionAdvice"))
                        .advice(named("close").takesArguments(2).takesArgument(0, "int"), advice("CloseSentAdvice"))
                        .advice(named("close").takesArguments("boolean"), advice("IdleCloseAdvice")),
                // The WebServer's idle timer, for every connection; only a WebSocket's close counts.
                new TypeHooks(TypeMatch.named("io.helidon.webserver.IdleTimeoutHandler"), SEES_HELIDON_WEBSOCKET)
                        .advice(named("run").takesArguments(0), advice("IdleTimerAdvice")).shared(),
                new TypeHooks(TypeMatch.named(CLIENT + "ClientWsConnection"), SEES_HELIDON_WEBSOCKET)
                        .advice(constructor(), advice("ClientOpenAdvice"))
                        .advice(named("run").takesArguments(0), advice("ClientEndAdvice"))
                        .advice(named("close").takesArguments(2).takesArgument(0, "int"), advice("CloseSentAdvice")),
                new TypeHooks(TypeMatch.named(CLIENT + "WsClientImpl"), SEES_HELIDON_WEBSOCKET)
                        .advice(named("connect").takesArguments(2).takesArgument(0, "java.net.URI"),
                                advice("ConnectAdvice"))
                        .shared(),
                new TypeHooks(TypeMatch.named(SERVER + "WsRoute"), SEES_HELIDON_WEBSOCKET)
                        .advice(named("create").takesArguments(2).takesArgument(1, LISTENER), advice("RouteAdvice"))
                        .shared(),
                new TypeHooks(TypeMatch.hasSuperType(LISTENER), SEES_HELIDON_WEBSOCKET)
                        .advice(named("onClose").takesArguments(3).takesArgument(1, "int").notAbstract(),
                                advice("PeerCloseAdvice"))
                        .advice(named("onError").takesArguments(2).takesArgument(1, "java.lang.Throwable")
                                .notAbstract(), advice("ErrorAdvice"))
                        .shared());
    }
}
