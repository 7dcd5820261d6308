package io.closewatch.agent.instrumentation.jetty9;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * An event driver's {@code onError(cause)}: Jetty 9.4 calls the application's error callback ({@code @OnError},
 * {@code onWebSocketError}) through its driver, not always through the session, when a message handler throws.
 */
public final class EventDriverErrorAdvice {
    private EventDriverErrorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.FieldValue("session") Object session, @Advice.Argument(0) Throwable cause) {
        CloseWatchBridge.errorReported(session, cause);
    }
}
