package io.closewatch.agent.instrumentation.jetty;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.named;

/**
 * Jetty 12's {@code jakarta.websocket} implementation calls annotated endpoints through method handles from its
 * {@code JakartaWebSocketFrameHandler}, with no {@code Endpoint} in between, so the generic jakarta hooks never see
 * them. This module hooks the frame handler itself: {@code onOpen} and {@code notifyOnClose}, which Jetty calls
 * once per session for every endpoint kind, and {@code onClose(Frame)}, the peer's close frame. Programmatic
 * endpoints are then reported by both modules; the recorder counts a session once.
 */
public final class JettyWebSocketInstrumentation implements InstrumentationModule {
    private static final String FRAME_HANDLER = ".websocket.jakarta.common.JakartaWebSocketFrameHandler";

    @Override
    public String stack() {
        return "jetty-jakarta";
    }

    /** The GUID is in the classes of this stack: Jetty 12's core, under all of its WebSocket APIs. */
    @Override
    public String[] handshakeClasses() {
        return new String[] {"org.eclipse.jetty.websocket.core.WebSocketConstants"};
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"JakartaWebSocketFrameHandler"};
    }

    @Override
    public List<TypeHooks> hooks() {
        return List.of(new TypeHooks(
                TypeMatch.named("org.eclipse.jetty.ee10" + FRAME_HANDLER, "org.eclipse.jetty.ee11" + FRAME_HANDLER),
                ClassLoaderCanSee.canSee("org.eclipse.jetty.websocket.core.CloseStatus"))
                .advice(named("onOpen").takesArguments(2), advice("FrameHandlerOpenAdvice"))
                .advice(named("onClose").takesArguments(2), advice("FrameHandlerCloseReceivedAdvice"))
                .advice(named("notifyOnClose").takesArguments(2), advice("FrameHandlerCloseAdvice")));
    }
}
