package io.closewatch.agent.instrumentation.jdk;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/** {@code WebSocket.abort()}: no listener callback follows, so this is where the session ends. */
public final class AbortAdvice {
    private AbortAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void aborted(@Advice.This Object webSocket) {
        CloseWatchBridge.aborted(webSocket, Api.JDK);
    }
}
