package io.closewatch.agent.instrumentation.jetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.instrumentation.WebSocketApi;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import net.bytebuddy.asm.Advice;

/** {@code JakartaWebSocketFrameHandler.onOpen}: by its end the handler holds the session and its config. */
public final class FrameHandlerOpenAdvice {
    private FrameHandlerOpenAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void opened(@Advice.FieldValue("session") Session session,
                       @Advice.FieldValue("endpointConfig") EndpointConfig config,
                       @Advice.FieldValue("endpointInstance") Object endpoint, @WebSocketApi String api) {
        boolean server = config instanceof ServerEndpointConfig;
        CloseWatchBridge.opened(session, api, endpoint,
                server ? ((ServerEndpointConfig) config).getPath() : null, server ? null : session.getRequestURI());
    }
}
