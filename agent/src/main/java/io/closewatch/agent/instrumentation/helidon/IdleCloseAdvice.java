package io.closewatch.agent.instrumentation.helidon;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * A server session's {@code close(interrupt)}: the WebServer stops the connection's loop, which then ends the session
 * on its own thread. Called by the idle timer ({@link IdleTimerAdvice}), that is why it ends; at the server's stop,
 * nothing is told.
 */
public final class IdleCloseAdvice {
    private IdleCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closing(@Advice.This Object session) {
        CloseWatchBridge.endsHere(session);
    }
}
