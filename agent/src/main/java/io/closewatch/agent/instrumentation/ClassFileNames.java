package io.closewatch.agent.instrumentation;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

/**
 * The first, cheap look at a class being loaded: does its class file contain any name that some hook needs? A class
 * that declares {@code onClose(Session, CloseReason)}, implements {@code Session} or is named {@code WebSocketImpl}
 * carries that name in its own constant pool, so a class file without any of them cannot match a hook, and a byte
 * search decides that in microseconds, where Byte Buddy's matching would parse the class and its super types.
 * JDK types only: this runs before Byte Buddy is loaded ({@link DeferredTransformer}).
 */
public final class ClassFileNames {
    private final byte[][] needles;

    public ClassFileNames(Collection<String> names) {
        needles = names.stream().map(name -> name.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    }

    public boolean mentionedIn(byte[] classFile) {
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
