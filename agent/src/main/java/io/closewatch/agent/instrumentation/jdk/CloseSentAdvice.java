package io.closewatch.agent.instrumentation.jdk;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/** {@code WebSocketImpl.sendClose0(int, String)}: a close frame with a legal code is about to go out. */
public final class CloseSentAdvice {
    private CloseSentAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closeSent(@Advice.This Object webSocket, @Advice.Argument(0) int code) {
        CloseWatchBridge.closeSent(webSocket, Api.JDK, code);
    }
}
