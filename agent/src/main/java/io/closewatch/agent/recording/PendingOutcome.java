package io.closewatch.agent.recording;

import io.closewatch.agent.instrumentation.HookOutcome;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the weaver hooks or fails to while the agent's meters and logs are not set up yet: kept in order and told once
 * they are ({@link #reportTo}), then passed straight through. So the weaver can start with the host.
 */
public final class PendingOutcome implements HookOutcome {
    /** The outcomes so far, each as the very call the outcome is to receive once it is there. */
    private final List<Consumer<HookOutcome>> pending = new ArrayList<>();
    private HookOutcome target;

    @Override
    public void hooked(InstrumentationModule module, TypeHooks hooks, String typeName) {
        tell(outcome -> outcome.hooked(module, hooks, typeName));
    }

    @Override
    public void failed(InstrumentationModule module, String typeName, Throwable error) {
        tell(outcome -> outcome.failed(module, typeName, error));
    }

    @Override
    public void disabled(InstrumentationModule module, String typeName) {
        tell(outcome -> outcome.disabled(module, typeName));
    }

    @Override
    public void uncounted(String typeName) {
        tell(outcome -> outcome.uncounted(typeName));
    }

    /** Tells the outcome at once when it is there, else keeps the call for {@link #reportTo}. */
    private void tell(Consumer<HookOutcome> call) {
        HookOutcome now;
        synchronized (this) {
            now = target;
            if (now == null) {
                pending.add(call);
                return;
            }
        }
        call.accept(now);
    }

    /** Tells {@code outcome} what happened so far, in order; from now on it is told at once. */
    public void reportTo(HookOutcome outcome) {
        List<Consumer<HookOutcome>> earlier;
        synchronized (this) {
            earlier = new ArrayList<>(pending);
            pending.clear();
            target = outcome;
        }
        for (Consumer<HookOutcome> call : earlier) {
            call.accept(outcome);
        }
    }
}
