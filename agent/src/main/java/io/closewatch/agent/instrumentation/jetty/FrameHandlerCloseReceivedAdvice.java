package io.closewatch.agent.instrumentation.jetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.instrumentation.WebSocketApi;
import net.bytebuddy.asm.Advice;

/** {@code JakartaWebSocketFrameHandler.onClose(Frame, Callback)}: the peer's close frame arrived. */
public final class FrameHandlerCloseReceivedAdvice {
    private FrameHandlerCloseReceivedAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closeReceived(@Advice.FieldValue("session") Object session, @WebSocketApi String api) {
        // The code Jetty reports at the end is the one counted; this only says who closed.
        CloseWatchBridge.closeReceived(session, api, -1);
    }
}
