package io.closewatch.agent.instrumentation;

import net.bytebuddy.agent.builder.AgentBuilder;

/** The hooks for one instrumented API: which types, which methods, which advice. */
public interface InstrumentationModule {
    /** The API as the start-up log line names it, e.g. {@code jakarta.websocket}. */
    String name();

    /**
     * Names (of methods, types or descriptors) that the class file of every type this module instruments contains: a
     * class without any of them is not handed to Byte Buddy at all ({@link ClassFileNames}). JDK types only: this is
     * called on the host's start-up path.
     */
    String[] classFileNames();

    /** Adds this module's type matchers and advice; advice classes are resolved through {@code adviceLoader}. */
    AgentBuilder extend(AgentBuilder builder, ClassLoader adviceLoader);
}
