package io.closewatch.agent.instrumentation.okhttp;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/**
 * {@code RealWebSocket.onReadClose(code, reason)}: the peer's close frame, the peer's own or its answer to this
 * side's. Its code is the one the listener is told; nothing after it changes what the application sees.
 */
public final class PeerCloseAdvice {
    private PeerCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closeReceived(@Advice.This Object webSocket, @Advice.Argument(0) int code) {
        CloseWatchBridge.closeReceived(webSocket, Api.OKHTTP, code);
        CloseWatchBridge.ended(webSocket, Api.OKHTTP, code, true);
    }
}
