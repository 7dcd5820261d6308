package io.closewatch.agent.instrumentation.vertx;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * {@code handleIdle(event)} of a Vert.x connection ({@code ConnectionBase} in 4.5, {@code VertxConnection} in 5): its
 * idle timeout fired and it closes the channel, without a close frame. A server session upgraded from that connection
 * (tied when it opened) ends by idle timeout; any other connection is no session's and is ignored.
 */
public final class IdleAdvice {
    private IdleAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void timedOut(@Advice.This Object connection) {
        CloseWatchBridge.idleTimedOut(connection);
    }
}
