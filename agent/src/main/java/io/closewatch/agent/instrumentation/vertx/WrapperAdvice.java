package io.closewatch.agent.instrumentation.vertx;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * Vert.x Web's {@code ServerWebSocketWrapper(delegate, ...)}: what frameworks on Vert.x Web (Quarkus) hold instead of
 * the session, tied to it, so that what they report about the wrapper is about the session.
 */
public final class WrapperAdvice {
    private WrapperAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void wrapped(@Advice.This Object wrapper, @Advice.Argument(0) Object delegate) {
        CloseWatchBridge.sameSession(wrapper, delegate);
    }
}
