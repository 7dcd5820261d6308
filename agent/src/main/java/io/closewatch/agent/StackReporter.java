package io.closewatch.agent;

import io.closewatch.agent.instrumentation.HookOutcome;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.StackWatcher;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.metrics.CloseMeters;
import org.slf4j.Logger;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says which WebSocket stacks this JVM runs and whether their closes are counted, so that a stack the agent cannot
 * see is never mistaken for a quiet one: one log line per stack, and {@code closewatch_stack_info{stack, counted}}.
 * A stack is counted once a module's hooks are in one of its classes, or one of its classes loads
 * ({@link io.closewatch.agent.instrumentation.KnownStacks}) and a module counts it; it is not when one of its
 * classes loads and no module counts it. A hook that cannot be applied (the library changed) is named once and
 * counted in {@code closewatch_agent_errors_total{reason="instrumentation"}}.
 */
final class StackReporter implements HookOutcome, StackWatcher.Sightings {
    static final String HOOK_FAILED = "instrumentation";

    private final CloseMeters meters;
    private final AgentErrors errors;
    private final Logger log;
    private final Set<String> countedByModules;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final Set<String> failedTypes = ConcurrentHashMap.newKeySet();

    StackReporter(CloseMeters meters, AgentErrors errors, Logger log, Collection<InstrumentationModule> modules) {
        this.meters = meters;
        this.errors = errors;
        this.log = log;
        this.countedByModules = Set.copyOf(modules.stream().map(InstrumentationModule::stack).toList());
    }

    @Override
    public void hooked(InstrumentationModule module, TypeHooks hooks, String typeName) {
        if (hooks.showsStackInUse() && reported.add(module.stack())) {
            meters.stackSeen(module.stack(), true);
            log.info("Closewatch counts the WebSocket closes of {} (hooked {})", module.stack(), typeName);
        }
    }

    @Override
    public void failed(String typeName, Throwable error) {
        if (failedTypes.add(typeName)) {
            errors.count(HOOK_FAILED);
            log.warn("Closewatch cannot hook {} ({}); it loads unchanged and the closes it handles are not counted. "
                    + "Is it a version Closewatch does not know?", typeName, error.toString());
        }
    }

    /** A stack some module counts is reported counted here too: for those whose hooks show no use (Spring's). */
    @Override
    public void seen(String stack, String className) {
        if (!reported.add(stack)) {
            return;
        }
        boolean counted = countedByModules.contains(stack);
        meters.stackSeen(stack, counted);
        if (counted) {
            log.info("Closewatch counts the WebSocket closes of {} ({} loaded)", stack, className);
        } else {
            log.warn("Closewatch does not count the WebSocket closes of {} ({} loaded): its sessions are missing from "
                    + "websocket_closes_total", stack, className);
        }
    }
}
