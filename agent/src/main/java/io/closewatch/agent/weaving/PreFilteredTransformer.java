package io.closewatch.agent.weaving;

import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;

/**
 * Byte Buddy's transformer behind the {@link ClassFileNames} pre-filter, for an agent attached to a running JVM,
 * where Byte Buddy installs the transformer itself to retransform the classes already loaded. The class file is
 * {@linkplain ClassFileBeingTransformed at hand} while Byte Buddy matches it.
 */
public final class PreFilteredTransformer extends ResettableClassFileTransformer.WithDelegation {
    private final ClassFileNames names;

    private PreFilteredTransformer(ResettableClassFileTransformer delegate, ClassFileNames names) {
        super(delegate);
        this.names = names;
    }

    public static AgentBuilder.TransformerDecorator decorator(ClassFileNames names) {
        return transformer -> new PreFilteredTransformer(transformer, names);
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) throws IllegalClassFormatException {
        if (!names.mentionedIn(classFile)) {
            return null;
        }
        ClassFileBeingTransformed before = ClassFileBeingTransformed.set(classFile);
        try {
            return classFileTransformer.transform(loader, internalName, classBeingRedefined, protectionDomain,
                    classFile);
        } finally {
            ClassFileBeingTransformed.restore(before);
        }
    }

    @Override
    public byte[] transform(Module module, ClassLoader loader, String internalName, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) throws IllegalClassFormatException {
        if (!names.mentionedIn(classFile)) {
            return null;
        }
        ClassFileBeingTransformed before = ClassFileBeingTransformed.set(classFile);
        try {
            return classFileTransformer.transform(module, loader, internalName, classBeingRedefined, protectionDomain,
                    classFile);
        } finally {
            ClassFileBeingTransformed.restore(before);
        }
    }
}
