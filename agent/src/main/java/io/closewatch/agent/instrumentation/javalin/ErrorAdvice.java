package io.closewatch.agent.instrumentation.javalin;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.javalin.websocket.WsContext;
import net.bytebuddy.asm.Advice;

/**
 * {@code WsExceptionMapper.handle(exception, context)}: a Javalin handler threw. Javalin catches it before Jetty
 * could tell anyone, hands it to the application's exception handler or closes with 1011 itself; either way it is
 * the cause of the session's end.
 */
public final class ErrorAdvice {
    private ErrorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.Argument(0) Throwable exception, @Advice.Argument(1) WsContext context) {
        if (context != null) {
            CloseWatchBridge.errorReported(context.session, exception);
        }
    }
}
