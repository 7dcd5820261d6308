package io.closewatch.agent.instrumentation.jettyapi;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/** {@code JettyWebSocketFrameHandler.onCloseFrame(Frame, Callback)}: the peer's close frame arrived. */
public final class PeerCloseAdvice {
    private PeerCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closeReceived(@Advice.FieldValue("session") Object session) {
        // The code Jetty reports at the end is the one counted; this only says who closed first.
        CloseWatchBridge.closeReceived(session, Api.JETTY, -1);
    }
}
