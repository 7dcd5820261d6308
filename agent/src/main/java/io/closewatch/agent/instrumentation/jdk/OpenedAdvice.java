package io.closewatch.agent.instrumentation.jdk;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

import java.net.URI;

/** {@code WebSocketImpl(URI, ...)}: a client session opened. */
public final class OpenedAdvice {
    private OpenedAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void opened(@Advice.This Object webSocket, @Advice.Argument(0) URI target) {
        CloseWatchBridge.opened(webSocket, Api.JDK, null, null, target);
    }
}
