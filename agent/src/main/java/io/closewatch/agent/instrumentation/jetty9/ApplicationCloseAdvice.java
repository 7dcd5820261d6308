package io.closewatch.agent.instrumentation.jetty9;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.websocket.common.CloseInfo;

/**
 * {@code WebSocketSession.callApplicationOnClose(CloseInfo)}: the code Jetty gives the application, whatever ended
 * the session (a close handshake, an idle timeout, a lost connection: 1006). The peer's close frames are tracked
 * ({@link RemoteCloseAdvice}), so a close with no frame from the peer was this side's.
 */
public final class ApplicationCloseAdvice {
    private ApplicationCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closed(@Advice.This Object session, @Advice.Argument(0) CloseInfo close) {
        CloseWatchBridge.ended(session,
                session.getClass().getName().startsWith("org.eclipse.jetty.websocket.jsr356.") ? Api.JAVAX : Api.JETTY,
                close == null ? -1 : close.getStatusCode(), true);
    }
}
