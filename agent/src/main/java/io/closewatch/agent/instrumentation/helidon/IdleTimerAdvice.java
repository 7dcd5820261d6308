package io.closewatch.agent.instrumentation.helidon;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * The WebServer's idle timer ({@code IdleTimeoutHandler.run()}): it closes, on this thread, each connection idle for
 * longer than the listener's {@code idleConnectionTimeout}. A WebSocket connection it closes ({@link
 * IdleCloseAdvice}) ends by idle timeout.
 */
public final class IdleTimerAdvice {
    private IdleTimerAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object runs() {
        return CloseWatchBridge.idleTimerRuns();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void done(@Advice.Enter Object replaced) {
        CloseWatchBridge.endingDone(replaced);
    }
}
