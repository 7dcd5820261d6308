package io.closewatch.agent.instrumentation;

/** What becomes of each type a module's hooks matched. */
public interface HookOutcome {
    /** {@code module}'s advice ({@code hooks}) is now in {@code typeName}. */
    void hooked(InstrumentationModule module, TypeHooks hooks, String typeName);

    /**
     * A hook could not be applied to {@code typeName} (a member it reads or calls is missing, a method it goes into is
     * gone, say): the type loads unchanged.
     *
     * @param module the module whose hooks matched the type (once per module), or null when none can be named
     */
    void failed(InstrumentationModule module, String typeName, Throwable error);

    /** {@code typeName} is one of {@code module}'s types, which configuration disabled ({@code stacks.disabled}). */
    default void disabled(InstrumentationModule module, String typeName) {
    }

    /**
     * {@code typeName} holds the WebSocket accept GUID and no module covers it: a WebSocket implementation the agent
     * does not count, whose handshakes the detector's hooks count instead.
     */
    default void uncounted(String typeName) {
    }
}
