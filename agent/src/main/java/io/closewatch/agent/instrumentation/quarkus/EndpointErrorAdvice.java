package io.closewatch.agent.instrumentation.quarkus;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * An endpoint's {@code doOnError(failure)}: Quarkus hands every failure of an endpoint method to the endpoint it
 * generated, which calls the application's {@code @OnError} that takes it (or fails on, to
 * {@code Endpoints.handleFailure}). The failure is the cause of the session under the endpoint's connection.
 */
public final class EndpointErrorAdvice {
    private EndpointErrorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.FieldValue("connection") Object connection, @Advice.Argument(0) Throwable failure) {
        CloseWatchBridge.errorReported(connection, failure);
    }
}
