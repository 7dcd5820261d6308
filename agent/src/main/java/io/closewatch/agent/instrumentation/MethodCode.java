package io.closewatch.agent.instrumentation;

/**
 * What the methods of one class load, read from its code when a {@link MethodMatch} first asks (most matches never
 * do: they name the method).
 */
public interface MethodCode {
    /** Code nobody reads: it loads nothing. (Not a lambda: those cost the JVM a generated class at start-up.) */
    MethodCode UNREAD = new MethodCode() {
        @Override
        public boolean loadsString(String methodName, String descriptor, String constant) {
            return false;
        }
    };

    /**
     * Whether the method's code loads {@code constant}: in a constant of its own ({@code ldc}, or a string
     * concatenation's recipe), or from a static field of its class that the class's initializer set from it.
     */
    boolean loadsString(String methodName, String descriptor, String constant);
}
