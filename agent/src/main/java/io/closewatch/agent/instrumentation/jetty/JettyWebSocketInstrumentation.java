package io.closewatch.agent.instrumentation.jetty;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.constructor;
import static io.closewatch.agent.instrumentation.MethodMatch.named;

/**
 * Jetty 12's and 11's {@code jakarta.websocket} implementations, and Jetty 10's {@code javax.websocket} one, call
 * annotated endpoints through method handles from their frame handler ({@code JakartaWebSocketFrameHandler},
 * {@code JavaxWebSocketFrameHandler}), with no {@code Endpoint} in between, so the generic hooks never see them. This
 * module hooks the frame handler: {@code onOpen} and {@code notifyOnClose}, which Jetty calls once per session for
 * every endpoint kind, and {@code onClose(Frame)}, the peer's close frame. Programmatic endpoints are then reported by
 * both modules; the recorder counts a session once. Jetty 10 and 11 read the frames that came with the handshake
 * inside {@code onOpen}, so there the session opens earlier, in its constructor; not on Jetty 12, where the opening
 * at the end of {@code onOpen} (or in an {@code Endpoint}'s) names the endpoint object, by which a framework's
 * template is found (Spring's, when it upgrades through the container).
 */
public final class JettyWebSocketInstrumentation implements InstrumentationModule {
    private static final String JAKARTA_HANDLER = ".websocket.jakarta.common.JakartaWebSocketFrameHandler";
    private static final ClassLoaderCanSee SEES_CORE =
            ClassLoaderCanSee.canSee("org.eclipse.jetty.websocket.core.CloseStatus");

    @Override
    public String stack() {
        return "jetty-jakarta";
    }

    /** The GUID is in the classes of this stack: Jetty's core (11 and 12), under all of its WebSocket APIs. */
    @Override
    public String[] handshakeClasses() {
        return new String[] {"org.eclipse.jetty.websocket.core.WebSocketConstants"};
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"JakartaWebSocketFrameHandler", "JakartaWebSocketSession", "JavaxWebSocketFrameHandler",
            "JavaxWebSocketSession"};
    }

    @Override
    public List<TypeHooks> hooks() {
        return List.of(
                frameHandler("jakarta", "org.eclipse.jetty.ee10" + JAKARTA_HANDLER,
                        "org.eclipse.jetty.ee11" + JAKARTA_HANDLER, "org.eclipse.jetty" + JAKARTA_HANDLER),
                session("jakarta", "org.eclipse.jetty.websocket.jakarta.common.JakartaWebSocketSession"),
                frameHandler("javax", "org.eclipse.jetty.websocket.javax.common.JavaxWebSocketFrameHandler"),
                session("javax", "org.eclipse.jetty.websocket.javax.common.JavaxWebSocketSession"));
    }

    /** The frame handler of each version: Jetty 12's ee10 and ee11, Jetty 11 (jakarta), Jetty 10 (javax). */
    private TypeHooks frameHandler(String namespace, String... names) {
        return new TypeHooks(TypeMatch.named(names), SEES_CORE)
                .advice(named("onOpen").takesArguments(2), advice("FrameHandlerOpenAdvice"))
                .advice(named("onClose").takesArguments(2), advice("FrameHandlerCloseReceivedAdvice"))
                .advice(named("notifyOnClose").takesArguments(2), advice("FrameHandlerCloseAdvice"))
                .advice(named("onError").takesArguments(2), advice("FrameHandlerErrorAdvice"))
                .inWebSocketNamespace(namespace);
    }

    /** The session of Jetty 11 (jakarta) and 10 (javax), made inside {@code onOpen} before its frames are read. */
    private TypeHooks session(String namespace, String... names) {
        return new TypeHooks(TypeMatch.named(names), SEES_CORE)
                .advice(constructor().takesArguments(4), advice("SessionCreatedAdvice"))
                .inWebSocketNamespace(namespace);
    }
}
