package io.closewatch.agent.instrumentation;

/**
 * What a {@link TypeMatch} asks of a type about to load: read from its class file by the agent's own weaver, or from
 * Byte Buddy's description of it when the agent is attached to a running JVM.
 */
public interface TypeView {
    /** The binary name, such as {@code org.apache.tomcat.websocket.WsSession}. */
    String name();

    boolean isInterface();

    /** Whether the type itself declares a method (or constructor, {@code <init>}) of this name. */
    boolean declaresMethod(String methodName);

    /** Whether the type is {@code typeName} or extends or implements it, directly or further up. */
    boolean hasSuperType(String typeName);

    /**
     * Whether the class file holds a string constant (what an {@code ldc} can load) with {@code constant} in it (a
     * concatenation recipe counts).
     */
    boolean holdsString(String constant);
}
