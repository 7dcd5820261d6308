package io.closewatch.agent.instrumentation.vertx;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.closewatch.agent.core.CloseCodes;
import net.bytebuddy.asm.Advice;

/**
 * {@code WebSocketImplBase.handleConnectionClosed()}: the connection is gone; the close handler is told the peer's
 * code ({@code closeStatusCode()}), or 1006 when the peer sent none.
 */
public final class EndAdvice {
    private EndAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void ended(@Advice.This Object webSocket, @Advice.FieldValue("closeStatusCode") Short peerCode) {
        CloseWatchBridge.ended(webSocket, Api.VERTX, peerCode == null ? CloseCodes.ABNORMAL_CLOSURE : peerCode,
                true);
    }
}
