package io.closewatch.agent.instrumentation.websocket;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * Tyrus's idle timer ({@code TyrusSession$IdleTimeoutCommand.run()}) closes its open session with 1006: the session
 * ends by idle timeout. Tyrus is counted through the API alone, so its timer is watched here.
 */
public final class TyrusIdleTimeoutAdvice {
    private TyrusIdleTimeoutAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void timedOut(@Advice.FieldValue("this$0") Object session) {
        CloseWatchBridge.idleTimedOut(session);
    }
}
