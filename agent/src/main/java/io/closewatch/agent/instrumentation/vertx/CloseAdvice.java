package io.closewatch.agent.instrumentation.vertx;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/** {@code WebSocketImplBase.shutdown(timeout, unit, code, reason)}: this side sends its close frame. */
public final class CloseAdvice {
    private CloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closeSent(@Advice.This Object webSocket, @Advice.Argument(2) short code) {
        CloseWatchBridge.closeSent(webSocket, Api.VERTX, code);
    }
}
