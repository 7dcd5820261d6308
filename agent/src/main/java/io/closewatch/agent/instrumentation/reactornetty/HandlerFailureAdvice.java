package io.closewatch.agent.instrumentation.reactornetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * {@code onOutboundError(error)} of a WebSocket's operations: the publisher the application's handler returned failed,
 * and Reactor Netty closes with 1002 while the connection is up. Where no operator cancelled the inbound on the way
 * ({@link OperatorFailureAdvice}), this is the first the agent hears of the failure: it is why.
 */
public final class HandlerFailureAdvice {
    private HandlerFailureAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.This Object operations, @Advice.Argument(0) Throwable error) {
        CloseWatchBridge.errorReported(operations, error);
    }
}
