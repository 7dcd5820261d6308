package io.closewatch.agent.instrumentation.jettyapi;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/**
 * {@code WebSocketSession.close(...)}, each of them (Jetty 10's and 11's several go to the core session directly):
 * this side starts the close. The code Jetty then gives the application is the one counted.
 */
public final class SessionCloseAdvice {
    private SessionCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void close(@Advice.This Object session) {
        CloseWatchBridge.closeSent(session, Api.JETTY, -1);
    }
}
