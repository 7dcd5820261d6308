package io.closewatch.agent.instrumentation.jettyapi;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/** {@code WebSocketSession.close(code, reason, callback)}: this side starts the close. */
public final class SessionCloseAdvice {
    private SessionCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void close(@Advice.This Object session, @Advice.Argument(0) int code) {
        CloseWatchBridge.closeSent(session, Api.JETTY, code);
    }
}
