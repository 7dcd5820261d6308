package io.closewatch.agent.recording;

import io.closewatch.agent.instrumentation.HookOutcome;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;

import java.util.ArrayList;
import java.util.List;

/**
 * What the weaver hooks or fails to while the agent's meters and logs are not set up yet: kept in order and told once
 * they are ({@link #reportTo}), then passed straight through. So the weaver can start with the host.
 */
public final class PendingOutcome implements HookOutcome {
    /** One outcome: hooked when {@code error} is null and {@code disabled} and {@code uncounted} false. */
    private record Outcome(InstrumentationModule module, TypeHooks hooks, String typeName, Throwable error,
                           boolean disabled, boolean uncounted) {
    }

    private final List<Outcome> pending = new ArrayList<>();
    private HookOutcome target;

    @Override
    public void hooked(InstrumentationModule module, TypeHooks hooks, String typeName) {
        HookOutcome now;
        synchronized (this) {
            now = target;
            if (now == null) {
                pending.add(new Outcome(module, hooks, typeName, null, false, false));
                return;
            }
        }
        now.hooked(module, hooks, typeName);
    }

    @Override
    public void failed(InstrumentationModule module, String typeName, Throwable error) {
        HookOutcome now;
        synchronized (this) {
            now = target;
            if (now == null) {
                pending.add(new Outcome(module, null, typeName, error, false, false));
                return;
            }
        }
        now.failed(module, typeName, error);
    }

    @Override
    public void disabled(InstrumentationModule module, String typeName) {
        HookOutcome now;
        synchronized (this) {
            now = target;
            if (now == null) {
                pending.add(new Outcome(module, null, typeName, null, true, false));
                return;
            }
        }
        now.disabled(module, typeName);
    }

    @Override
    public void uncounted(String typeName) {
        HookOutcome now;
        synchronized (this) {
            now = target;
            if (now == null) {
                pending.add(new Outcome(null, null, typeName, null, false, true));
                return;
            }
        }
        now.uncounted(typeName);
    }

    /** Tells {@code outcome} what happened so far, in order; from now on it is told at once. */
    public void reportTo(HookOutcome outcome) {
        List<Outcome> earlier;
        synchronized (this) {
            earlier = new ArrayList<>(pending);
            pending.clear();
            target = outcome;
        }
        for (Outcome o : earlier) {
            if (o.uncounted()) {
                outcome.uncounted(o.typeName());
            } else if (o.disabled()) {
                outcome.disabled(o.module(), o.typeName());
            } else if (o.error() == null) {
                outcome.hooked(o.module(), o.hooks(), o.typeName());
            } else {
                outcome.failed(o.module(), o.typeName(), o.error());
            }
        }
    }
}
