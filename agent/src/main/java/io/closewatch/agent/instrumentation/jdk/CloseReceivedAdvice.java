package io.closewatch.agent.instrumentation.jdk;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/** {@code WebSocketImpl.signalClose(int, String)}: the peer's close frame, or 1006 for an end of stream. */
public final class CloseReceivedAdvice {
    private CloseReceivedAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closeReceived(@Advice.This Object webSocket, @Advice.Argument(0) int code) {
        CloseWatchBridge.closeReceived(webSocket, Api.JDK, code);
    }
}
