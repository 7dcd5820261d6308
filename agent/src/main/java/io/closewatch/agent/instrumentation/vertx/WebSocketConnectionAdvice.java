package io.closewatch.agent.instrumentation.vertx;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * Vert.x 5's {@code WebSocketConnectionImpl.webSocket(session)}: after the upgrade a session runs over a connection of
 * its own, which is tied to it here, so that what that connection reports (its idle timeout) is the session's.
 */
public final class WebSocketConnectionAdvice {
    private WebSocketConnectionAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void attached(@Advice.This Object connection, @Advice.Argument(0) Object session) {
        CloseWatchBridge.sameSession(connection, session);
    }
}
