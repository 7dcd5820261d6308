package io.closewatch.agent.instrumentation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which methods of a hooked type get an advice: conditions that must all hold, or else an alternative
 * ({@link #or}). Types are named as Java writes them ({@code int}, {@code java.net.URI}). Plain data rather than
 * lambdas, which would each cost the JVM a generated class while the host starts.
 */
public final class MethodMatch {
    /**
     * @param names null for any; @param arguments null for any; @param argumentCount -1 for any; @param returnType
     * null for any; @param loadedString null for any
     */
    private record Conditions(Set<String> names, int argumentCount, List<String> arguments,
                              Map<Integer, String> argumentAt, String returnType, boolean notAbstract,
                              String loadedString) {
        boolean holdFor(MethodView method) {
            if (names != null && !names.contains(method.name()) || notAbstract && method.isAbstract()) {
                return false;
            }
            if (loadedString != null && (method.name().equals("<clinit>") || !method.loadsString(loadedString))) {
                return false;
            }
            if (returnType != null && !method.returnType().equals(returnType)) {
                return false;
            }
            if (argumentCount < 0 && arguments == null && argumentAt.isEmpty()) {
                return true;
            }
            List<String> parameters = method.parameterTypes();
            if (argumentCount >= 0 && parameters.size() != argumentCount
                    || arguments != null && !parameters.equals(arguments)) {
                return false;
            }
            for (Map.Entry<Integer, String> argument : argumentAt.entrySet()) {
                if (argument.getKey() >= parameters.size()
                        || !parameters.get(argument.getKey()).equals(argument.getValue())) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Conditions own;
    /** Null, or what else matches. */
    private final MethodMatch alternative;

    private MethodMatch(Conditions own, MethodMatch alternative) {
        this.own = own;
        this.alternative = alternative;
    }

    public static MethodMatch named(String... names) {
        return new MethodMatch(new Conditions(Set.of(names), -1, null, Map.of(), null, false, null), null);
    }

    /**
     * Any method (constructor included, the type initializer not) whose code loads the string constant {@code constant}
     * ({@link MethodView#loadsString}).
     */
    public static MethodMatch loadingString(String constant) {
        return new MethodMatch(new Conditions(null, -1, null, Map.of(), null, false, constant), null);
    }

    public static MethodMatch constructor() {
        return named("<init>");
    }

    public static MethodMatch typeInitializer() {
        return named("<clinit>");
    }

    public MethodMatch takesArguments(int count) {
        Conditions c = own;
        return new MethodMatch(new Conditions(c.names(), count, c.arguments(), c.argumentAt(), c.returnType(),
                c.notAbstract(), c.loadedString()), alternative == null ? null : alternative.takesArguments(count));
    }

    /** Exactly these parameters. */
    public MethodMatch takesArguments(String... types) {
        Conditions c = own;
        return new MethodMatch(new Conditions(c.names(), c.argumentCount(), List.of(types), c.argumentAt(),
                c.returnType(), c.notAbstract(), c.loadedString()),
                alternative == null ? null : alternative.takesArguments(types));
    }

    public MethodMatch takesArgument(int index, String type) {
        Conditions c = own;
        Map<Integer, String> at = new TreeMap<>(c.argumentAt());
        at.put(index, type);
        return new MethodMatch(new Conditions(c.names(), c.argumentCount(), c.arguments(), Map.copyOf(at),
                c.returnType(), c.notAbstract(), c.loadedString()),
                alternative == null ? null : alternative.takesArgument(index, type));
    }

    public MethodMatch returns(String type) {
        Conditions c = own;
        return new MethodMatch(new Conditions(c.names(), c.argumentCount(), c.arguments(), c.argumentAt(), type,
                c.notAbstract(), c.loadedString()), alternative == null ? null : alternative.returns(type));
    }

    public MethodMatch notAbstract() {
        Conditions c = own;
        return new MethodMatch(new Conditions(c.names(), c.argumentCount(), c.arguments(), c.argumentAt(),
                c.returnType(), true, c.loadedString()), alternative == null ? null : alternative.notAbstract());
    }

    /** This or {@code other}; what is added to the result after this applies to both. */
    public MethodMatch or(MethodMatch other) {
        return new MethodMatch(own, alternative == null ? other : alternative.or(other));
    }

    /** As a log line shows it: {@code close(int, java.lang.String)}, {@code close(2 arguments)}. */
    @Override
    public String toString() {
        String parameters = own.arguments() != null ? String.join(", ", own.arguments())
                : own.argumentCount() >= 0 ? own.argumentCount() + " arguments" : "..";
        String named = own.names() == null ? "any method loading \"" + own.loadedString() + "\""
                : String.join("|", new java.util.TreeSet<>(own.names())) + "(" + parameters + ")";
        return alternative == null ? named : named + " or " + alternative;
    }

    public boolean matches(MethodView method) {
        return own.holdFor(method) || alternative != null && alternative.matches(method);
    }
}
