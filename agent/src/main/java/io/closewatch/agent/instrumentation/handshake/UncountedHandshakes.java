package io.closewatch.agent.instrumentation.handshake;

import io.closewatch.agent.instrumentation.MethodMatch;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.Collection;

/**
 * The detector no WebSocket stack escapes: every implementation holds the protocol's accept GUID (RFC 6455 section
 * 1.3) in the class that answers or checks the opening handshake, known to the agent or not. A class that holds it
 * and that no counting module covers ({@code InstrumentationModule.handshakeClasses}) is an implementation the agent
 * does not count: it is named by its package, and each method that uses the GUID (computing or checking an accept
 * key) counts a handshake when it returns normally, in {@code closewatch_handshakes_uncounted_total{implementation}}.
 */
public final class UncountedHandshakes {
    public static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private UncountedHandshakes() {
    }

    /** What the byte search looks for in every class file: the GUID itself. */
    public static String[] classFileNames() {
        return new String[] {ACCEPT_GUID};
    }

    /** @param covered name prefixes of the classes the counting modules cover */
    public static TypeHooks hooks(Collection<String> covered) {
        return new TypeHooks(TypeMatch.nameStartsWithNone(covered).and(TypeMatch.holdsString(ACCEPT_GUID)))
                // A class may hold the GUID only as a constant for others (an interface's field): then it is named,
                // and the handshakes are counted where the GUID is used.
                .adviceIfPresent(MethodMatch.loadingString(ACCEPT_GUID),
                        UncountedHandshakes.class.getPackageName() + ".HandshakeAdvice");
    }
}
