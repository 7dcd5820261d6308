package io.closewatch.agent.instrumentation.reactornetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * Reactor's {@code Operators.onOperatorError(subscription, failure, value, context)}: an operator caught
 * {@code failure} from the application's function (a {@code map}, a {@code filter}, a {@code doOnNext}, a
 * {@code flatMap}'s mapper, or the {@code Mono.error} that mapper returned, which {@code flatMap} reads at once) and
 * cancels its upstream before it passes the failure on; and {@code flatMap}'s {@code innerError(inner, failure)},
 * where a publisher its mapper returned failed later. While either
 * runs, the failure is this thread's, so that a WebSocket inbound cancelled on the way ({@link InboundCancelAdvice})
 * takes it as the cause of its end.
 */
public final class OperatorFailureAdvice {
    private OperatorFailureAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object failing(@Advice.Argument(1) Throwable failure) {
        return CloseWatchBridge.operatorFails(failure);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void done(@Advice.Enter Object replaced) {
        CloseWatchBridge.endingDone(replaced);
    }
}
