package io.closewatch.agent.instrumentation;

import net.bytebuddy.agent.builder.AgentBuilder;

/** The hooks for one instrumented API: which types, which methods, which advice. */
public interface InstrumentationModule {
    /** The API as the start-up log line names it, e.g. {@code jakarta.websocket}. */
    String name();

    /** Adds this module's type matchers and advice; advice classes are resolved through {@code adviceLoader}. */
    AgentBuilder extend(AgentBuilder builder, ClassLoader adviceLoader);
}
