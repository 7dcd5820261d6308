package io.closewatch.agent.core;

import java.util.Set;

/**
 * Values of the {@code cause} label of {@code websocket_close_causes_total}: why a session ended, as far as its stack
 * told the application. A public contract. A cause is the fully qualified class name of the throwable the stack
 * reported to the application, never its message; or one of the words below.
 */
public final class CloseCauses {
    /** The stack reported no error for the session. */
    public static final String NONE = "none";
    /** The stack's own idle timeout ended the session. */
    public static final String IDLE_TIMEOUT = "idle_timeout";

    /**
     * Throwables that only carry another: a reflective call's, a future's, the bare {@code RuntimeException} with
     * which Tomcat rethrows a handler's checked exception, and the {@code CloseException} in which Jetty hands an
     * endpoint what its handler threw. What they carry is the cause; without one, they are it.
     */
    private static final Set<String> WRAPPERS = Set.of(
            "java.lang.RuntimeException",
            "org.eclipse.jetty.websocket.core.exception.CloseException",
            "org.eclipse.jetty.websocket.core.exception.WebSocketException",
            "org.eclipse.jetty.websocket.api.exceptions.CloseException",
            "org.eclipse.jetty.websocket.api.CloseException",
            "java.lang.reflect.InvocationTargetException",
            "java.lang.reflect.UndeclaredThrowableException",
            "java.util.concurrent.CompletionException",
            "java.util.concurrent.ExecutionException");
    /** What stacks report when their own idle timeout ends a session. */
    private static final Set<String> IDLE_TIMEOUTS = Set.of(
            "org.eclipse.jetty.websocket.core.exception.WebSocketTimeoutException",
            "org.eclipse.jetty.websocket.api.exceptions.WebSocketTimeoutException");
    /** Deeper than any real chain of wrappers; a bound for a chain that loops. */
    private static final int MAX_UNWRAPPED = 8;

    private CloseCauses() {
    }

    /**
     * The cause {@code error} stands for: {@link #IDLE_TIMEOUT} for a stack's idle timeout, else the class name of
     * the first throwable in its chain that is not a mere wrapper. Allocates nothing ({@link Class#getName} caches).
     */
    public static String of(Throwable error) {
        Throwable current = error;
        for (int depth = 0; depth < MAX_UNWRAPPED; depth++) {
            String name = current.getClass().getName();
            if (IDLE_TIMEOUTS.contains(name)) {
                return IDLE_TIMEOUT;
            }
            Throwable carried = current.getCause();
            if (carried == null || carried == current || !WRAPPERS.contains(name)) {
                return name;
            }
            current = carried;
        }
        return current.getClass().getName();
    }
}
