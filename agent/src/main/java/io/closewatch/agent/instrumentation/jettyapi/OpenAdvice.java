package io.closewatch.agent.instrumentation.jettyapi;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.closewatch.agent.core.Labels;
import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.websocket.api.UpgradeRequest;

/**
 * {@code JettyWebSocketFrameHandler.onOpen}: by its end the handler holds the session. Its container tells the side:
 * Jetty's {@code WebSocketClient}, or a server container. A server session is labelled with the template its upgrade
 * was mapped by ({@link NegotiateAdvice}, keyed by this handler), else {@code unknown}, never the concrete path; a
 * client session with its target.
 */
public final class OpenAdvice {
    private OpenAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void opened(@Advice.This Object frameHandler, @Advice.FieldValue("session") Object session,
                       @Advice.FieldValue("container") Object container,
                       @Advice.FieldValue("upgradeRequest") UpgradeRequest request) {
        boolean client = container != null && container.getClass().getName().endsWith("WebSocketClient");
        CloseWatchBridge.opened(session, Api.JETTY, frameHandler, client ? null : Labels.UNKNOWN,
                client && request != null ? request.getRequestURI() : null);
    }
}
