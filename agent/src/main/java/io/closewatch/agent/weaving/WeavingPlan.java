package io.closewatch.agent.weaving;

import io.closewatch.agent.instrumentation.HookOutcome;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;

import java.util.List;

/**
 * What the weavers ({@link HookWeaver}, {@link ByteBuddyHooks}) apply, and with what.
 *
 * @param modules      the modules whose hooks go in
 * @param disabled     modules that configuration switched off ({@code stacks.disabled}): their types are only named
 * @param others       hooks that count no stack (the application's Micrometer)
 * @param handshakes   the handshake detector's hooks (classes no module covers that hold the accept GUID): each
 *                     type they match is reported {@linkplain HookOutcome#uncounted uncounted}; null for none
 * @param adviceLoader where the advice's class files are read
 * @param bridge       the bridge the advice calls, as the agent defined it (in the bootstrap loader)
 * @param dump         where original and woven class files go ({@code debug.dump}), or null
 */
public record WeavingPlan(List<InstrumentationModule> modules, List<InstrumentationModule> disabled,
                          List<TypeHooks> others, TypeHooks handshakes, ClassLoader adviceLoader, Class<?> bridge,
                          ClassDump dump) {
    /** Just these modules, as tests weave them. */
    public static WeavingPlan of(List<InstrumentationModule> modules, ClassLoader adviceLoader, Class<?> bridge) {
        return new WeavingPlan(modules, List.of(), List.of(), null, adviceLoader, bridge, null);
    }
}
