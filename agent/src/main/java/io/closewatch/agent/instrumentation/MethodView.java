package io.closewatch.agent.instrumentation;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * A method as a {@link MethodMatch} sees it, from a class file or from Byte Buddy alike.
 *
 * @param name       {@code <init>} for a constructor, {@code <clinit>} for a type initializer
 * @param descriptor the JVM's, such as {@code (ILjava/lang/String;)V}
 * @param modifiers  as in {@link Modifier}
 * @param code       what its code loads, read only if a match asks
 */
public record MethodView(String name, String descriptor, int modifiers, MethodCode code) {
    /** A method whose code no match may ask about. */
    public MethodView(String name, String descriptor, int modifiers) {
        this(name, descriptor, modifiers, MethodCode.UNREAD);
    }

    /** Whether the method's code loads the string constant {@code constant}. */
    public boolean loadsString(String constant) {
        return code.loadsString(name, descriptor, constant);
    }

    public boolean isAbstract() {
        return Modifier.isAbstract(modifiers);
    }

    public boolean isStatic() {
        return Modifier.isStatic(modifiers);
    }

    /** The parameters' type names as Java writes them: {@code int}, {@code java.lang.String}, {@code byte[]}. */
    public List<String> parameterTypes() {
        List<String> types = new ArrayList<>();
        int at = 1;
        while (descriptor.charAt(at) != ')') {
            int end = typeEnd(descriptor, at);
            types.add(javaName(descriptor.substring(at, end)));
            at = end;
        }
        return types;
    }

    public String returnType() {
        return javaName(descriptor.substring(descriptor.indexOf(')') + 1));
    }

    /** Where the type descriptor starting at {@code at} ends. */
    static int typeEnd(String descriptor, int at) {
        int end = at;
        while (descriptor.charAt(end) == '[') {
            end++;
        }
        return descriptor.charAt(end) == 'L' ? descriptor.indexOf(';', end) + 1 : end + 1;
    }

    static String javaName(String typeDescriptor) {
        if (typeDescriptor.startsWith("[")) {
            return javaName(typeDescriptor.substring(1)) + "[]";
        }
        return switch (typeDescriptor.charAt(0)) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'V' -> "void";
            default -> typeDescriptor.substring(1, typeDescriptor.length() - 1).replace('/', '.');
        };
    }
}
