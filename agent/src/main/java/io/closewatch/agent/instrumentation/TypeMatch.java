package io.closewatch.agent.instrumentation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Which types a module hooks: conditions that must all hold, checked in the order they were given, so put the cheap
 * ones first: {@link #hasSuperType} reads other class files. Plain data rather than lambdas, which would each cost
 * the JVM a generated class while the host starts.
 */
public final class TypeMatch {
    private enum Kind { NAMED, NAME_STARTS_WITH, NAME_STARTS_WITH_NONE, HOLDS_STRING, DECLARES_METHOD, HAS_SUPER_TYPE,
        NOT_INTERFACE }

    private record Condition(Kind kind, Set<String> names) {
    }

    private final List<Condition> conditions;

    private TypeMatch(List<Condition> conditions) {
        this.conditions = conditions;
    }

    private static TypeMatch of(Kind kind, String... names) {
        return new TypeMatch(List.of(new Condition(kind, Set.of(names))));
    }

    public static TypeMatch named(String... names) {
        return of(Kind.NAMED, names);
    }

    public static TypeMatch nameStartsWith(String prefix) {
        return of(Kind.NAME_STARTS_WITH, prefix);
    }

    /** The type's name starts with none of {@code prefixes}. */
    public static TypeMatch nameStartsWithNone(Collection<String> prefixes) {
        return of(Kind.NAME_STARTS_WITH_NONE, prefixes.toArray(new String[0]));
    }

    /** The type's class file holds a string constant with {@code constant} in it ({@link TypeView#holdsString}). */
    public static TypeMatch holdsString(String constant) {
        return of(Kind.HOLDS_STRING, constant);
    }

    /** The type declares a method of one of these names itself. */
    public static TypeMatch declaresMethod(String... methodNames) {
        return of(Kind.DECLARES_METHOD, methodNames);
    }

    public static TypeMatch hasSuperType(String typeName) {
        return of(Kind.HAS_SUPER_TYPE, typeName);
    }

    public TypeMatch and(TypeMatch other) {
        List<Condition> all = new ArrayList<>(conditions);
        all.addAll(other.conditions);
        return new TypeMatch(List.copyOf(all));
    }

    public TypeMatch notInterface() {
        return and(of(Kind.NOT_INTERFACE));
    }

    /** Whether the types are named exactly: then each of them is one class of one library, whose methods are known. */
    public boolean isByName() {
        for (Condition condition : conditions) {
            if (condition.kind() == Kind.NAMED) {
                return true;
            }
        }
        return false;
    }

    public boolean matches(TypeView type) {
        for (Condition condition : conditions) {
            if (!holds(condition, type)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Condition condition, TypeView type) {
        switch (condition.kind()) {
            case NAMED:
                return condition.names().contains(type.name());
            case NOT_INTERFACE:
                return !type.isInterface();
            case NAME_STARTS_WITH_NONE:
                for (String prefix : condition.names()) {
                    if (type.name().startsWith(prefix)) {
                        return false;
                    }
                }
                return true;
            default:
                for (String name : condition.names()) {
                    boolean holds = switch (condition.kind()) {
                        case NAME_STARTS_WITH -> type.name().startsWith(name);
                        case DECLARES_METHOD -> type.declaresMethod(name);
                        case HOLDS_STRING -> type.holdsString(name);
                        default -> type.hasSuperType(name);
                    };
                    if (holds) {
                        return true;
                    }
                }
                return false;
        }
    }
}
