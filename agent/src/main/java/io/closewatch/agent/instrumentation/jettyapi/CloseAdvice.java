package io.closewatch.agent.instrumentation.jettyapi;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.websocket.core.CloseStatus;

/**
 * {@code JettyWebSocketFrameHandler.notifyOnClose(CloseStatus, Callback)}: the code Jetty gives the application. The
 * peer's close frames are tracked ({@link PeerCloseAdvice}), so a close with no frame from the peer was this side's
 * (the application's {@code Session.close}, or Jetty's own: an idle timeout, a message too big).
 */
public final class CloseAdvice {
    private CloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closed(@Advice.FieldValue("session") Object session, @Advice.Argument(0) CloseStatus status) {
        CloseWatchBridge.ended(session, Api.JETTY, status == null ? -1 : status.getCode(), true);
    }
}
