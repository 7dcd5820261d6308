package io.closewatch.agent.instrumentation.undertow;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * The idle timer of a WebSocket connection ({@code WebSocketChannel}'s own {@code IdleTimeoutConduit}) fires: its
 * {@code doClose()} sends 1001, and Undertow then tells the application 1006. The session on that connection ends by
 * idle timeout.
 */
public final class IdleTimeoutAdvice {
    private IdleTimeoutAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void timedOut(@Advice.FieldValue("this$0") Object connection) {
        CloseWatchBridge.idleTimedOut(connection);
    }
}
