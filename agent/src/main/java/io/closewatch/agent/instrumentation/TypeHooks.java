package io.closewatch.agent.instrumentation;

import java.util.ArrayList;
import java.util.List;

/**
 * The hooks of one kind of type: which types, in which class loaders, and which advice goes into which of their
 * methods. Plain data: the agent's own weaver applies it as classes load, Byte Buddy when the agent is attached to a
 * running JVM.
 *
 * @param types              cheap matches first (a name, a declared method), super-type matches last
 * @param loaders            where the types can be at all (usually: the loader sees the library)
 * @param methods            the advice, by the methods it goes into
 * @param webSocketNamespace null for advice used as it is written; {@code jakarta} or {@code javax} for advice written
 *                           against {@code jakarta.websocket} (and {@code jakarta.servlet}) and applied in that
 *                           namespace: its {@code jakarta.*} types are read there and its {@link WebSocketApi}
 *                           parameter is the namespace. So one advice serves both, and a container with both under
 *                           the same class names (Tomcat) is one module.
 * @param showsStackInUse    whether hooking such a type shows the module's stack at work (see {@link #shared})
 */
public record TypeHooks(TypeMatch types, LoaderMatch loaders, List<MethodHook> methods, String webSocketNamespace,
                        boolean showsStackInUse) {
    /**
     * @param advice   the advice class's name ({@link InstrumentationModule#advice})
     * @param required whether a type matched by name must have such a method: if it has none, the library is a
     *                 version the module does not know, and the type is left alone and reported, so that its stack
     *                 is never said to be counted when it is not. (A type matched by its super type may well not
     *                 override the method: there, no method is no failure.)
     */
    public record MethodHook(MethodMatch methods, String advice, boolean required) {
    }

    public TypeHooks(TypeMatch types, LoaderMatch loaders) {
        this(types, loaders, List.of(), null, true);
    }

    /** For a type that can be in any class loader. */
    public TypeHooks(TypeMatch types) {
        this(types, LoaderMatch.any());
    }

    /** These hooks and {@code advice} on {@code methods}, which every version of the type has. */
    public TypeHooks advice(MethodMatch methods, String advice) {
        return with(new MethodHook(methods, advice, true));
    }

    /**
     * These hooks and {@code advice} on {@code methods}, which only some versions of the type have (another hook
     * covers the others).
     */
    public TypeHooks adviceIfPresent(MethodMatch methods, String advice) {
        return with(new MethodHook(methods, advice, false));
    }

    private TypeHooks with(MethodHook hook) {
        List<MethodHook> more = new ArrayList<>(this.methods);
        more.add(hook);
        return new TypeHooks(types, loaders, List.copyOf(more), webSocketNamespace, showsStackInUse);
    }

    /** The advice is written against {@code jakarta.websocket} and applies in {@code namespace}. */
    public TypeHooks inWebSocketNamespace(String namespace) {
        return new TypeHooks(types, loaders, methods, namespace, showsStackInUse);
    }

    /** The same hooks on a type other stacks use too (Jetty's negotiator serves jakarta.websocket as well). */
    public TypeHooks shared() {
        return new TypeHooks(types, loaders, methods, webSocketNamespace, false);
    }
}
