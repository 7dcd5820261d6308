package io.closewatch.agent.instrumentation.jetty9;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.websocket.common.CloseInfo;

/**
 * {@code WebSocketSession.close(CloseInfo, Callback)}, where every {@code close} of the session's API ends up: this
 * side starts the close (the peer's echo then does not make it the peer's).
 */
public final class SessionCloseAdvice {
    private SessionCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void close(@Advice.This Object session, @Advice.Argument(0) CloseInfo close) {
        CloseWatchBridge.closeSent(session,
                session.getClass().getName().startsWith("org.eclipse.jetty.websocket.jsr356.") ? Api.JAVAX : Api.JETTY,
                close == null ? -1 : close.getStatusCode());
    }
}
