package io.closewatch.agent.weaving;

import io.closewatch.agent.instrumentation.MethodCode;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * The class file Byte Buddy is transforming on this thread, for the matches its descriptions cannot answer (the
 * string constants a class holds, those its methods load): {@link PreFilteredTransformer} sets it around each
 * transformation.
 */
final class ClassFileBeingTransformed {
    private static final ThreadLocal<ClassFileBeingTransformed> CURRENT = new ThreadLocal<>();

    private final byte[] classFile;
    private ClassReader reader;
    private ClassStrings strings;

    private ClassFileBeingTransformed(byte[] classFile) {
        this.classFile = classFile;
    }

    /** @return what was set before, to be {@linkplain #restore restored} once the transformation is over */
    static ClassFileBeingTransformed set(byte[] classFile) {
        ClassFileBeingTransformed before = CURRENT.get();
        CURRENT.set(new ClassFileBeingTransformed(classFile));
        return before;
    }

    static void restore(ClassFileBeingTransformed before) {
        if (before == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(before);
        }
    }

    /** Whether the class file being transformed holds {@code constant}; false when none is. */
    static boolean holdsString(String constant) {
        ClassFileBeingTransformed current = CURRENT.get();
        return current != null && ClassStrings.holds(current.reader(), constant);
    }

    /** What the methods of the class file being transformed load; nothing when none is. */
    static MethodCode methodCode() {
        ClassFileBeingTransformed current = CURRENT.get();
        if (current == null) {
            return MethodCode.UNREAD;
        }
        if (current.strings == null) {
            current.strings = new ClassStrings(current.reader());
        }
        return current.strings;
    }

    private ClassReader reader() {
        if (reader == null) {
            reader = new ClassReader(classFile);
        }
        return reader;
    }
}
