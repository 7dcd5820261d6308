package io.closewatch.agent.instrumentation;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

import java.lang.instrument.IllegalClassFormatException;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;

/**
 * Hands a class to Byte Buddy only when its class file mentions a name some hook needs. Byte Buddy's matching runs
 * on the thread that loads each class, mostly still interpreted while a host starts, and costs more than the class
 * is worth when nothing can match: a byte search decides that for most classes in microseconds. A class that
 * declares {@code onClose} or is named {@code WebSocketImpl} carries that name in its own constant pool, so a
 * class without any of the names cannot match a hook.
 */
public final class ClassFilePreFilter extends ResettableClassFileTransformer.WithDelegation {
    private final byte[][] needles;

    private ClassFilePreFilter(ResettableClassFileTransformer delegate, String... names) {
        super(delegate);
        needles = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            needles[i] = names[i].getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Decorates Byte Buddy's transformer with the pre-filter for {@code names}. */
    public static AgentBuilder.TransformerDecorator forNames(String... names) {
        return transformer -> new ClassFilePreFilter(transformer, names);
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) throws IllegalClassFormatException {
        return mentionsAny(classFile)
                ? classFileTransformer.transform(loader, internalName, classBeingRedefined, protectionDomain, classFile)
                : null;
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) throws IllegalClassFormatException {
        return mentionsAny(classFile)
                ? classFileTransformer.transform(module, loader, internalName, classBeingRedefined, protectionDomain,
                        classFile)
                : null;
    }

    boolean mentionsAny(byte[] classFile) {
        if (classFile == null) {
            return false;
        }
        for (byte[] needle : needles) {
            if (contains(classFile, needle)) {
                return true;
            }
        }
        return false;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        byte first = needle[0];
        int last = haystack.length - needle.length;
        outer:
        for (int i = 0; i <= last; i++) {
            if (haystack[i] != first) {
                continue;
            }
            for (int j = 1; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
