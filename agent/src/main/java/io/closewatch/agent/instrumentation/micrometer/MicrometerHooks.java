package io.closewatch.agent.instrumentation.micrometer;

import io.closewatch.agent.instrumentation.MethodMatch;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

/**
 * The hook of {@code export=host}: tells the agent when the application's Micrometer has initialized
 * ({@code io.micrometer.core.instrument.Metrics}), so that the agent's meters can join its global registry. Not a
 * WebSocket stack, so not a module: installed only for that export.
 * <p>
 * The application's Micrometer is named at run time, in pieces: the shade plugin relocates every literal that starts
 * with the agent's own (relocated) Micrometer package, and would point the hook at the agent's copy.
 */
public final class MicrometerHooks {
    /** {@code io.micrometer.core.instrument.Metrics}, the application's. */
    public static final String METRICS_CLASS = String.join(".", "io", "micrometer", "core", "instrument", "Metrics");

    private MicrometerHooks() {
    }

    /** What the class file of {@code Metrics} (and of every class using it) contains. */
    public static String[] classFileNames() {
        return new String[] {METRICS_CLASS.replace('.', '/')};
    }

    public static TypeHooks hooks() {
        return new TypeHooks(TypeMatch.named(METRICS_CLASS)).advice(MethodMatch.typeInitializer(),
                MicrometerHooks.class.getPackageName() + ".MicrometerInitializedAdvice").shared();
    }
}
