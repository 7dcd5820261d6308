package io.closewatch.agent.instrumentation.reactornetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * {@code FluxReceive.cancel()}: the application cancels a connection's inbound, which for a WebSocket ends the session
 * (1006), on the event loop, now or soon. Where an operator's failure on this thread does it
 * ({@link OperatorFailureAdvice}), that failure is why: told here, on the thread that cancels, since the end itself
 * may come on another.
 */
public final class InboundCancelAdvice {
    private InboundCancelAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void cancelled(@Advice.FieldValue("parent") Object operations) {
        CloseWatchBridge.endsHere(operations);
    }
}
