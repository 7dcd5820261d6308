package io.closewatch.agent.instrumentation.jetty;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.constructor;
import static io.closewatch.agent.instrumentation.MethodMatch.named;

/**
 * Jetty 12's (and Jetty 11's) {@code jakarta.websocket} implementation calls annotated endpoints through method
 * handles from its {@code JakartaWebSocketFrameHandler}, with no {@code Endpoint} in between, so the generic jakarta
 * hooks never see them. This module hooks the session's constructor, where it opens before any frame is read (Jetty
 * 11 reads the frames that came with the handshake inside {@code onOpen}), and the frame handler: {@code onOpen} and
 * {@code notifyOnClose}, which Jetty calls once per session for every endpoint kind, and {@code onClose(Frame)}, the
 * peer's close frame. Programmatic endpoints are then reported by both modules; the recorder counts a session once.
 */
public final class JettyWebSocketInstrumentation implements InstrumentationModule {
    private static final String FRAME_HANDLER = ".websocket.jakarta.common.JakartaWebSocketFrameHandler";
    private static final String SESSION = ".websocket.jakarta.common.JakartaWebSocketSession";

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
        return new String[] {"JakartaWebSocketFrameHandler", "JakartaWebSocketSession"};
    }

    @Override
    public List<TypeHooks> hooks() {
        ClassLoaderCanSee seesCore = ClassLoaderCanSee.canSee("org.eclipse.jetty.websocket.core.CloseStatus");
        return List.of(new TypeHooks(
                TypeMatch.named("org.eclipse.jetty.ee10" + FRAME_HANDLER, "org.eclipse.jetty.ee11" + FRAME_HANDLER,
                        "org.eclipse.jetty" + FRAME_HANDLER), seesCore) // Jetty 12's ee10 and ee11, and Jetty 11
                .advice(named("onOpen").takesArguments(2), advice("FrameHandlerOpenAdvice"))
                .advice(named("onClose").takesArguments(2), advice("FrameHandlerCloseReceivedAdvice"))
                .advice(named("notifyOnClose").takesArguments(2), advice("FrameHandlerCloseAdvice")),
                new TypeHooks(TypeMatch.named("org.eclipse.jetty.ee10" + SESSION, "org.eclipse.jetty.ee11" + SESSION,
                        "org.eclipse.jetty" + SESSION), seesCore)
                        .advice(constructor().takesArguments(4), advice("SessionCreatedAdvice")));
    }
}
