package io.closewatch.agent.instrumentation;

/** What becomes of each type a module's hooks matched. */
public interface HookOutcome {
    /** {@code module}'s advice ({@code hooks}) is now in {@code typeName}. */
    void hooked(InstrumentationModule module, TypeHooks hooks, String typeName);

    /** A hook could not be applied to {@code typeName} (a member it reads is missing, say): it loads unchanged. */
    void failed(String typeName, Throwable error);
}
