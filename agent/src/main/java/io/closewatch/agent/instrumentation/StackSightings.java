package io.closewatch.agent.instrumentation;

/** Where the weaver's watch of the classes that load tells which {@link KnownStacks} the application runs. */
public interface StackSightings {
    /** {@code className}, a class of {@code stack}, was loaded: the first of that stack. */
    void seen(String stack, String className);
}
