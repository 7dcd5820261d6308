package io.closewatch.agent.instrumentation.quarkus;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * {@code Endpoints.handleFailure(strategy, cause, method, connection)}: an endpoint method threw and no
 * {@code @OnError} took it; Quarkus then closes the connection (1011) or logs it, as configured. The cause of the
 * Vert.x session under the connection ({@link ConnectionAdvice}).
 */
public final class FailureAdvice {
    private FailureAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.Argument(1) Throwable cause, @Advice.Argument(3) Object connection) {
        CloseWatchBridge.errorReported(connection, cause);
    }
}
