package io.closewatch.agent.instrumentation;

import java.util.List;

/**
 * The hooks for one instrumented API: which types, which methods, which advice. A module lives in a package of its
 * own under {@code instrumentation/}, uses only the bridge, {@code core/} and this package, and is listed once in
 * the installer; modules never refer to each other.
 */
public interface InstrumentationModule {
    /**
     * The {@code stack} label of {@code closewatch_stack_info} for what this module counts, e.g. {@code tomcat};
     * modules that count parts of one stack share it.
     */
    String stack();

    /**
     * Names (of methods, types or descriptors) that the class file of every type this module instruments contains: a
     * class without any of them is not matched against the hooks at all (the weaver's byte search). JDK types only:
     * this is called on the host's start-up path.
     */
    String[] classFileNames();

    /**
     * Package prefixes of the JDK's own classes (bootstrap or platform loader) this module instruments, such as
     * {@code jdk.internal.net.http.websocket.}; every other JDK class is left alone.
     */
    default String[] jdkPackages() {
        return new String[0];
    }

    /**
     * Name prefixes of the classes of the stacks this module counts whose class files hold the WebSocket accept GUID
     * (RFC 6455 section 1.3: the classes that answer or check the opening handshake): the handshake detector leaves
     * them to this module ({@code UncountedHandshakes}).
     */
    default String[] handshakeClasses() {
        return new String[0];
    }

    /** This module's hooked types and their advice. */
    List<TypeHooks> hooks();

    /**
     * The name of this module's advice class {@code simpleName}. Advice is named, never referenced as a class: it
     * is only read as bytes and woven into the hooked classes, never loaded into the agent's (the application's)
     * class loader.
     */
    default String advice(String simpleName) {
        return getClass().getPackageName() + '.' + simpleName;
    }
}
