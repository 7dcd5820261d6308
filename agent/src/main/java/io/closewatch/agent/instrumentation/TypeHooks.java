package io.closewatch.agent.instrumentation;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;

import static net.bytebuddy.matcher.ElementMatchers.any;

/**
 * The hooks of one kind of type: which types, in which class loaders, and the advice applied to their methods.
 *
 * @param types           cheap matchers first (a name, a declared method), super-type matchers last
 * @param loaders         where the types can be at all (usually: the loader sees the library), so that the costly
 *                        type matchers run only there
 * @param showsStackInUse whether hooking such a type shows the module's stack at work (see {@link #shared})
 */
public record TypeHooks(ElementMatcher<? super TypeDescription> types, ElementMatcher<? super ClassLoader> loaders,
                        AgentBuilder.Transformer advice, boolean showsStackInUse) {
    public TypeHooks(ElementMatcher<? super TypeDescription> types, ElementMatcher<? super ClassLoader> loaders,
                     AgentBuilder.Transformer advice) {
        this(types, loaders, advice, true);
    }

    /** For a type that can be in any class loader. */
    public TypeHooks(ElementMatcher<? super TypeDescription> types, AgentBuilder.Transformer advice) {
        this(types, any(), advice, true);
    }

    /** The same hooks on a type other stacks use too (Jetty's negotiator serves jakarta.websocket as well). */
    public TypeHooks shared() {
        return new TypeHooks(types, loaders, advice, false);
    }
}
