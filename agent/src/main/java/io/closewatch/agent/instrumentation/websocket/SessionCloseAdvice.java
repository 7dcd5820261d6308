package io.closewatch.agent.instrumentation.websocket;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.instrumentation.WebSocketApi;
import net.bytebuddy.asm.Advice;

/** {@code Session.close}: this side starts the close; the container reports the code when the session ends. */
public final class SessionCloseAdvice {
    private SessionCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void close(@Advice.This Object session, @WebSocketApi String api) {
        CloseWatchBridge.closeSent(session, api, -1);
    }
}
