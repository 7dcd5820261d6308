package io.closewatch.agent.recording;

import io.closewatch.agent.instrumentation.HookOutcome;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.StackSightings;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.metrics.CloseMeters;
import org.slf4j.Logger;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says which WebSocket stacks this JVM runs and whether their closes are counted, so that a stack the agent cannot
 * see is never mistaken for a quiet one: one log line per stack, and {@code closewatch_stack_info{stack, counted}}.
 * A stack is counted once a module's hooks are in one of its classes, or one of its classes loads
 * ({@link io.closewatch.agent.instrumentation.KnownStacks}) and a module counts it; it is not when one of its
 * classes loads and no module counts it, when configuration disabled its module ({@code stacks.disabled}), or when
 * a hook of its module could not be applied (the library changed): that is named once, counted in
 * {@code closewatch_agent_errors_total{reason="instrumentation"}}, and turns the stack to {@code counted="false"}
 * for good, even if other classes of it were hooked.
 */
public final class StackReporter implements HookOutcome, StackSightings {
    public static final String HOOK_FAILED = "instrumentation";

    /** What is known of a stack: the first state reported, but a failure overrides counted. Synchronized, so that a
     * failure and a hook reported at once cannot leave the stack counted. */
    private enum Status { COUNTED, NOT_COUNTED, DISABLED, FAILED }

    private final CloseMeters meters;
    private final AgentErrors errors;
    private final Logger log;
    private final Set<String> countedByModules;
    private final Set<String> disabledStacks;
    private final Map<String, Status> reported = new ConcurrentHashMap<>();
    private final Set<String> failedTypes = ConcurrentHashMap.newKeySet();

    public StackReporter(CloseMeters meters, AgentErrors errors, Logger log,
                         Collection<InstrumentationModule> modules) {
        this(meters, errors, log, modules, Set.of());
    }

    /**
     * @param modules        the modules at work
     * @param disabledStacks the stacks configuration disabled
     */
    public StackReporter(CloseMeters meters, AgentErrors errors, Logger log,
                         Collection<InstrumentationModule> modules, Set<String> disabledStacks) {
        this.meters = meters;
        this.errors = errors;
        this.log = log;
        this.countedByModules = Set.copyOf(modules.stream().map(InstrumentationModule::stack).toList());
        this.disabledStacks = Set.copyOf(disabledStacks);
    }

    @Override
    public synchronized void hooked(InstrumentationModule module, TypeHooks hooks, String typeName) {
        if (hooks.showsStackInUse() && reported.putIfAbsent(module.stack(), Status.COUNTED) == null) {
            meters.stackSeen(module.stack(), true);
            log.info("Closewatch counts the WebSocket closes of {} (hooked {})", module.stack(), typeName);
        }
    }

    @Override
    public synchronized void failed(InstrumentationModule module, String typeName, Throwable error) {
        boolean firstForType = failedTypes.add(typeName);
        if (firstForType) {
            errors.count(HOOK_FAILED);
        }
        String stack = module == null ? null : module.stack();
        Status before = stack == null ? null : reported.put(stack, Status.FAILED);
        if (stack != null && before != Status.FAILED) {
            meters.stackSeen(stack, false);
            log.warn("Closewatch cannot hook {} ({}); it loads unchanged and the WebSocket closes of {} are not "
                    + "counted. Is it a version Closewatch does not know?", typeName, error.toString(), stack);
        } else if (firstForType && stack == null) {
            log.warn("Closewatch cannot hook {} ({}); it loads unchanged and the closes it handles are not counted. "
                    + "Is it a version Closewatch does not know?", typeName, error.toString());
        }
    }

    @Override
    public synchronized void disabled(InstrumentationModule module, String typeName) {
        reportDisabled(module.stack(), typeName);
    }

    private void reportDisabled(String stack, String className) {
        if (reported.putIfAbsent(stack, Status.DISABLED) == null) {
            meters.stackSeen(stack, false);
            log.warn("Closewatch does not count the WebSocket closes of {} ({} loaded): configuration disabled it "
                    + "(stacks.disabled)", stack, className);
        }
    }

    /** A class no module covers holds the accept GUID: its package is a WebSocket implementation nobody counts. */
    @Override
    public synchronized void uncounted(String typeName) {
        String implementation = CloseMeters.implementationOf(typeName);
        if (reported.putIfAbsent(implementation, Status.NOT_COUNTED) == null) {
            meters.stackSeen(implementation, false);
            log.warn("Closewatch does not count the WebSocket closes of {}: {} holds the WebSocket accept GUID and "
                    + "no stack Closewatch counts covers it; its handshakes are counted in "
                    + "closewatch_handshakes_uncounted_total (implementation=\"{}\")", implementation, typeName,
                    implementation);
        }
    }

    /** A stack some module counts is reported counted here too: for those whose hooks show no use (Spring's). */
    @Override
    public synchronized void seen(String stack, String className) {
        if (disabledStacks.contains(stack)) {
            reportDisabled(stack, className);
            return;
        }
        boolean counted = countedByModules.contains(stack);
        if (reported.putIfAbsent(stack, counted ? Status.COUNTED : Status.NOT_COUNTED) != null) {
            return;
        }
        meters.stackSeen(stack, counted);
        if (counted) {
            log.info("Closewatch counts the WebSocket closes of {} ({} loaded)", stack, className);
        } else {
            log.warn("Closewatch does not count the WebSocket closes of {} ({} loaded): its sessions are missing from "
                    + "websocket_closes_total", stack, className);
        }
    }
}
