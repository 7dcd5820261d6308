package io.closewatch.agent.instrumentation.micrometer;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/** The end of {@code Metrics}'s static initializer: the application's global registry exists. */
public final class MicrometerInitializedAdvice {
    private MicrometerInitializedAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void initialized(@Advice.Origin Class<?> metrics) {
        CloseWatchBridge.micrometerInitialized(metrics);
    }
}
