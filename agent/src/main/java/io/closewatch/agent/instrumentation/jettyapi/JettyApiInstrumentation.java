package io.closewatch.agent.instrumentation.jettyapi;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.constructor;
import static io.closewatch.agent.instrumentation.MethodMatch.named;

/**
 * Jetty's own WebSocket API ({@code org.eclipse.jetty.websocket.api}: {@code Session.Listener}, {@code @WebSocket}
 * endpoints, {@code WebSocketClient}), and what runs on it, such as Spring WebSocket on Jetty. Every session of it
 * runs through a {@code JettyWebSocketFrameHandler} ({@code org.eclipse.jetty.websocket.common} in Jetty 10, 11, 12.0
 * and 12.1), hooked as the jakarta one is: {@code onOpen}, {@code onCloseFrame} (the peer's close frame) and
 * {@code notifyOnClose} (the code the application is told); and its {@code WebSocketSession}'s constructor (on Jetty
 * 10 and 11, a server session opens before the frames that came with its handshake are read), its {@code close}
 * methods (this side closes: the peer's echo must not count as its close) and {@code disconnect} (this side drops the
 * connection, as the JDK client's {@code abort()}). The server's endpoint label is the path template the upgrade was mapped by, read
 * where Jetty negotiates it ({@code CreatorNegotiator.negotiate}): the handler mapping's pattern that Spring put into
 * the request, else the {@code PathSpec} Jetty matched. (Jetty 9.4's own API has none of these classes: its module
 * is {@code jetty9}.)
 */
public final class JettyApiInstrumentation implements InstrumentationModule {
    private static final String COMMON = "org.eclipse.jetty.websocket.common.";
    private static final String NEGOTIATOR = "org.eclipse.jetty.websocket.core.server.internal.CreatorNegotiator";

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
    public List<TypeHooks> hooks() {
        ClassLoaderCanSee seesCore = ClassLoaderCanSee.canSee("org.eclipse.jetty.websocket.core.CloseStatus");
        return List.of(
                new TypeHooks(TypeMatch.named(COMMON + "JettyWebSocketFrameHandler"), seesCore)
                        .advice(named("onOpen").takesArguments(2), advice("OpenAdvice"))
                        .advice(named("onCloseFrame").takesArguments(2), advice("PeerCloseAdvice"))
                        .advice(named("notifyOnClose").takesArguments(2), advice("CloseAdvice"))
                        .advice(named("onError").takesArguments(2), advice("ErrorAdvice")),
                new TypeHooks(TypeMatch.named(COMMON + "WebSocketSession"), seesCore)
                        .advice(named("close"), advice("SessionCloseAdvice"))
                        .advice(named("disconnect").takesArguments(0), advice("DisconnectAdvice")),
                // Jetty 10 and 11 only (their API has WriteCallback, 12's Callback; 9.4, which has it too, has its
                // own module): on 12 a server session still opens at the end of onOpen, after Javalin's listener has
                // reported it under its route.
                new TypeHooks(TypeMatch.named(COMMON + "WebSocketSession"),
                        ClassLoaderCanSee.canSee("org.eclipse.jetty.websocket.api.WriteCallback")
                                .butNot(ClassLoaderCanSee.canSee(COMMON + "CloseInfo")))
                        .advice(constructor().takesArguments(3), advice("SessionCreatedAdvice"))
                        .shared(),
                new TypeHooks(TypeMatch.named(NEGOTIATOR), seesCore)
                        // Jetty 12's; its jakarta.websocket implementation loads this class too, where no template
                        // is to be read for this module.
                        .adviceIfPresent(named("negotiate").takesArguments(3), advice("NegotiateAdvice"))
                        .shared(),
                servletNegotiator("jakarta", "javax"),
                servletNegotiator("javax", "jakarta"));
    }

    /**
     * Jetty 11's and 10's negotiator, whose one argument holds a servlet request of the namespace the class loader
     * sees (Jetty 11: jakarta, Jetty 10: javax): where it sees both, which one is not known, and no template is read.
     */
    private TypeHooks servletNegotiator(String namespace, String otherNamespace) {
        String request = ".servlet.http.HttpServletRequest";
        return new TypeHooks(TypeMatch.named(NEGOTIATOR), ClassLoaderCanSee.canSee(namespace + request)
                .butNot(ClassLoaderCanSee.canSee(otherNamespace + request)))
                .adviceIfPresent(named("negotiate").takesArguments(1), advice("ServletNegotiateAdvice"))
                .inWebSocketNamespace(namespace)
                .shared();
    }
}
