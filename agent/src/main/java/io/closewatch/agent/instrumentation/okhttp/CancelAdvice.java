package io.closewatch.agent.instrumentation.okhttp;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/**
 * {@code RealWebSocket.cancel()}: this side drops the connection of an open session (its reader runs), with no
 * close frame (1006, local). A cancelled connect is no session.
 */
public final class CancelAdvice {
    private CancelAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void cancel(@Advice.This Object webSocket, @Advice.FieldValue("reader") Object reader) {
        if (reader != null) {
            CloseWatchBridge.aborted(webSocket, Api.OKHTTP);
        }
    }
}
