package io.closewatch.agent.instrumentation.vertx;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.vertx.core.http.WebSocketFrame;
import net.bytebuddy.asm.Advice;

/** {@code WebSocketImplBase.handleCloseFrame(frame)}: the peer's close frame. */
public final class PeerCloseAdvice {
    private PeerCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closeReceived(@Advice.This Object webSocket, @Advice.Argument(0) WebSocketFrame frame) {
        CloseWatchBridge.closeReceived(webSocket, Api.VERTX, frame.closeStatusCode());
    }
}
