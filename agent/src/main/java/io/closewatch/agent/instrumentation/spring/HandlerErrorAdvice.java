package io.closewatch.agent.instrumentation.spring;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;
import org.springframework.web.socket.adapter.NativeWebSocketSession;

/**
 * {@code ExceptionWebSocketHandlerDecorator.tryCloseWithError(session, exception, logger)}: a Spring handler threw,
 * and Spring closes its session with 1011 instead of telling the container, whose error callback never hears of it.
 * The session the agent counts is the container's under Spring's ({@code getNativeSession}).
 */
public final class HandlerErrorAdvice {
    private HandlerErrorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.Argument(0) Object session, @Advice.Argument(1) Throwable exception) {
        if (session instanceof NativeWebSocketSession) {
            CloseWatchBridge.errorReported(((NativeWebSocketSession) session).getNativeSession(), exception);
        }
    }
}
