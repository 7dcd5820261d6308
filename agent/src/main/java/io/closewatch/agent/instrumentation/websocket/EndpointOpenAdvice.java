package io.closewatch.agent.instrumentation.websocket;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.instrumentation.WebSocketApi;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpointConfig;
import net.bytebuddy.asm.Advice;

/** {@code Endpoint.onOpen}: a server session is labelled with its path template, a client one with its target. */
public final class EndpointOpenAdvice {
    private EndpointOpenAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void onOpen(@Advice.This Object endpoint, @Advice.Argument(0) Session session,
                       @Advice.Argument(1) EndpointConfig config, @WebSocketApi String api) {
        boolean server = config instanceof ServerEndpointConfig;
        CloseWatchBridge.opened(session, api, endpoint,
                server ? ((ServerEndpointConfig) config).getPath() : null, server ? null : session.getRequestURI());
    }
}
