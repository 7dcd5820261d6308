package io.closewatch.agent.instrumentation.okhttp;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.closewatch.agent.core.CloseCodes;
import net.bytebuddy.asm.Advice;

/**
 * {@code RealWebSocket.failWebSocket(exception, ...)}: the connection of an open session (its reader runs) is lost
 * without a close frame from the peer; the listener's {@code onFailure}. Later than a close frame it changes
 * nothing, and a refused upgrade is no session.
 */
public final class FailureAdvice {
    private FailureAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.This Object webSocket, @Advice.FieldValue("reader") Object reader,
                       @Advice.Argument(0) Throwable failure) {
        if (reader != null) {
            CloseWatchBridge.errorReported(webSocket, failure);
            CloseWatchBridge.ended(webSocket, Api.OKHTTP, CloseCodes.ABNORMAL_CLOSURE, true);
        }
    }
}
