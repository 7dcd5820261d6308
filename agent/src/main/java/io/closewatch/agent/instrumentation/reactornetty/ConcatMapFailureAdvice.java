package io.closewatch.agent.instrumentation.reactornetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * {@code concatMap}'s {@code maybeOnError(failure, context, upstream)}: the one place its mapper's exception and the
 * failure of the publisher the mapper returned ({@code Mono.error}) both pass, where it cancels its upstream before it
 * passes the failure on. As {@link OperatorFailureAdvice}, with the failure as the first argument.
 */
public final class ConcatMapFailureAdvice {
    private ConcatMapFailureAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object failing(@Advice.Argument(0) Throwable failure) {
        return CloseWatchBridge.operatorFails(failure);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void done(@Advice.Enter Object replaced) {
        CloseWatchBridge.endingDone(replaced);
    }
}
