package io.closewatch.agent.instrumentation.websocket;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import jakarta.websocket.Session;
import net.bytebuddy.asm.Advice;

/**
 * Tyrus's idle timer ({@code TyrusSession$IdleTimeoutCommand.run()}) closes its open session with 1006 when it has an
 * idle timeout: the session ends by idle timeout. Tyrus is counted through the API alone, so its timer is watched here.
 */
public final class TyrusIdleTimeoutAdvice {
    private TyrusIdleTimeoutAdvice() {
    }

    /**
     * The command's own condition: Tyrus schedules it after every message, to run at once where the session has no
     * idle timeout (0), and it then does nothing.
     */
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void timedOut(@Advice.FieldValue("this$0") Session session) {
        if (session.getMaxIdleTimeout() > 0 && session.isOpen()) {
            CloseWatchBridge.idleTimedOut(session);
        }
    }
}
