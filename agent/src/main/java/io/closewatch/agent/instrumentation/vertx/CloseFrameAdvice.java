package io.closewatch.agent.instrumentation.vertx;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/**
 * Vert.x 4.5's {@code WebSocketImplBase.sendCloseFrame(code, reason)}: this side sends its close frame (every
 * {@code close} ends there; Vert.x 5 has {@code shutdown} instead, see {@link CloseAdvice}).
 */
public final class CloseFrameAdvice {
    private CloseFrameAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closeSent(@Advice.This Object webSocket, @Advice.Argument(0) short code) {
        CloseWatchBridge.closeSent(webSocket, Api.VERTX, code);
    }
}
