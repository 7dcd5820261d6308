package io.closewatch.agent.instrumentation.okhttp;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/** {@code RealWebSocket.close(code, reason, timeout)}: true when this side's close frame is queued. */
public final class CloseAdvice {
    private CloseAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void closed(@Advice.This Object webSocket, @Advice.Argument(0) int code, @Advice.Return boolean queued) {
        if (queued) {
            CloseWatchBridge.closeSent(webSocket, Api.OKHTTP, code);
        }
    }
}
