package io.closewatch.agent.instrumentation.reactornetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * A Reactor operator that holds a failure cancels its upstream before it passes the failure on:
 * {@code Operators.onOperatorError(subscription, failure, value, context)} (the application's function threw: a
 * {@code map}, a {@code filter}, a {@code doOnNext}, a {@code flatMap}'s mapper, or the {@code Mono.error} that mapper
 * returned, which {@code flatMap} reads at once), {@code flatMap}'s {@code innerError(inner, failure)} (a publisher its
 * mapper returned failed later) and {@code concatMap}'s {@code maybeOnError(failure, context, upstream)} (its mapper
 * threw, or the publisher it returned failed), and where an operator that joins publishers ({@code switchMap},
 * {@code zip}, {@code when}) takes the failure of one of them and cancels the others. The failure is the first
 * throwable argument. While the method runs, the failure is this thread's, so that a WebSocket inbound cancelled on
 * the way ({@link InboundCancelAdvice}) takes it as the cause of its end.
 */
public final class OperatorFailureAdvice {
    private OperatorFailureAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object failing(@Advice.AllArguments Object[] arguments) {
        for (Object argument : arguments) {
            if (argument instanceof Throwable) {
                return CloseWatchBridge.operatorFails((Throwable) argument);
            }
        }
        return CloseWatchBridge.operatorFails(null);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void done(@Advice.Enter Object replaced) {
        CloseWatchBridge.endingDone(replaced);
    }
}
