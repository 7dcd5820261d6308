package io.closewatch.agent.instrumentation.jetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.instrumentation.WebSocketApi;
import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.websocket.core.CloseStatus;

/**
 * {@code JakartaWebSocketFrameHandler.notifyOnClose(CloseStatus, Callback)}: the code Jetty gives the application.
 * The peer's close frames are tracked ({@link FrameHandlerCloseReceivedAdvice}), so a close with no frame seen from
 * either side was Jetty's own (an idle timeout): local.
 */
public final class FrameHandlerCloseAdvice {
    private FrameHandlerCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closed(@Advice.FieldValue("session") Object session, @Advice.Argument(0) CloseStatus status,
                       @WebSocketApi String api) {
        CloseWatchBridge.ended(session, api, status == null ? -1 : status.getCode(),
                true);
    }
}
