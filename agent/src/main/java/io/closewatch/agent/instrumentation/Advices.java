package io.closewatch.agent.instrumentation;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Byte Buddy's advice transformers as the modules use them. Advice is named ({@link InstrumentationModule#advice})
 * and read as class files from the agent's loader; it is inlined into the instrumented methods, never loaded.
 */
public final class Advices {
    private Advices() {
    }

    /** For advice used as it is written. */
    public static AgentBuilder.Transformer.ForAdvice plain(ClassLoader adviceLoader) {
        return new AgentBuilder.Transformer.ForAdvice().include(adviceLoader);
    }

    /**
     * For advice written against {@code jakarta.websocket}, applied in {@code namespace} ({@code jakarta} or
     * {@code javax}): its {@link WebSocketApi} parameter reads the namespace as the {@code api} label, and its types
     * are read in that namespace ({@link NamespaceRemappingLocator}). So one advice serves both namespaces, and a
     * container that implements both under the same class names (Tomcat) is hooked by one module.
     */
    public static AgentBuilder.Transformer.ForAdvice inWebSocketNamespace(String namespace,
                                                                          ClassLoader adviceLoader) {
        ClassFileLocator adviceClasses = ClassFileLocator.ForClassLoader.of(adviceLoader);
        ClassFileLocator inNamespace = namespace.equals("jakarta") ? adviceClasses
                : new NamespaceRemappingLocator(adviceClasses, "jakarta/websocket/", namespace + "/websocket/");
        return new AgentBuilder.Transformer.ForAdvice(Advice.withCustomMapping().bind(WebSocketApi.class, namespace))
                .include(inNamespace);
    }
}
