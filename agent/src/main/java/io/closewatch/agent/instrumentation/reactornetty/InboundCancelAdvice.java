package io.closewatch.agent.instrumentation.reactornetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * {@code onInboundCancel()}: the application cancelled the WebSocket's inbound, which ends the session (1006) at
 * once. Where a reactive operator's failure did it ({@link OperatorFailureAdvice}), that failure is why.
 */
public final class InboundCancelAdvice {
    private InboundCancelAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void cancelled(@Advice.This Object operations) {
        CloseWatchBridge.inboundCancelled(operations);
    }
}
