package io.closewatch.agent.instrumentation.jetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.instrumentation.WebSocketApi;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import net.bytebuddy.asm.Advice;

/**
 * {@code JakartaWebSocketSession(container, coreSession, frameHandler, endpointConfig)} of Jetty 11 (Jetty 10's
 * {@code JavaxWebSocketSession}): the session opens as it is made, at the start of the frame handler's {@code onOpen}.
 * Jetty 10 and 11 read the frames that came with the handshake (a message, a close) before {@code onOpen} returns,
 * and the application may close the session from them: it must be open for the agent by then.
 */
public final class SessionCreatedAdvice {
    private SessionCreatedAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void created(@Advice.This Session session, @Advice.Argument(3) EndpointConfig config,
                        @WebSocketApi String api) {
        boolean server = config instanceof ServerEndpointConfig;
        CloseWatchBridge.opened(session, api, null,
                server ? ((ServerEndpointConfig) config).getPath() : null, server ? null : session.getRequestURI());
    }
}
