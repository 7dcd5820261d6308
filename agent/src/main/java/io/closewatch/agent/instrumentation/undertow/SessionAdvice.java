package io.closewatch.agent.instrumentation.undertow;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/** {@code UndertowSession(WebSocketChannel, ...)}: what Undertow's core does on this connection is this session's. */
public final class SessionAdvice {
    private SessionAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void created(@Advice.This Object session, @Advice.Argument(0) Object connection) {
        CloseWatchBridge.sameSession(connection, session);
    }
}
