package io.closewatch.agent;

import io.closewatch.agent.instrumentation.HookOutcome;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;

import java.util.ArrayList;
import java.util.List;

/**
 * What the weaver hooks or fails to while the agent's meters and logs are not set up yet: kept in order and told once
 * they are ({@link #reportTo}), then passed straight through. So the weaver can start with the host.
 */
final class PendingOutcome implements HookOutcome {
    /** One outcome: hooked when {@code error} is null. */
    private record Outcome(InstrumentationModule module, TypeHooks hooks, String typeName, Throwable error) {
    }

    private final List<Outcome> pending = new ArrayList<>();
    private HookOutcome target;

    @Override
    public void hooked(InstrumentationModule module, TypeHooks hooks, String typeName) {
        HookOutcome now;
        synchronized (this) {
            now = target;
            if (now == null) {
                pending.add(new Outcome(module, hooks, typeName, null));
                return;
            }
        }
        now.hooked(module, hooks, typeName);
    }

    @Override
    public void failed(String typeName, Throwable error) {
        HookOutcome now;
        synchronized (this) {
            now = target;
            if (now == null) {
                pending.add(new Outcome(null, null, typeName, error));
                return;
            }
        }
        now.failed(typeName, error);
    }

    /** Tells {@code outcome} what happened so far, in order; from now on it is told at once. */
    void reportTo(HookOutcome outcome) {
        List<Outcome> earlier;
        synchronized (this) {
            earlier = new ArrayList<>(pending);
            pending.clear();
            target = outcome;
        }
        for (Outcome o : earlier) {
            if (o.error() == null) {
                outcome.hooked(o.module(), o.hooks(), o.typeName());
            } else {
                outcome.failed(o.typeName(), o.error());
            }
        }
    }
}
