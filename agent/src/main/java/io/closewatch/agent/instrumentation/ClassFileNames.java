package io.closewatch.agent.instrumentation;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;

/**
 * The first, cheap look at a class being loaded: does its class file contain any name that some hook needs? A class
 * that declares {@code onClose(Session, CloseReason)}, implements {@code Session} or is named {@code WebSocketImpl}
 * carries that name in its own constant pool, so a class file without any of them cannot match a hook, and a byte
 * search decides that in microseconds, where Byte Buddy's matching would parse the class and its super types.
 * Every class the JVM loads goes through it, mostly before the JIT compiler has compiled it, so the search skips
 * ahead by the last byte of each window (Horspool) instead of trying every position. JDK types only: this runs
 * before Byte Buddy is loaded ({@link DeferredTransformer}).
 */
public final class ClassFileNames {
    private final byte[][] needles;
    private final int[][] shifts;

    public ClassFileNames(Collection<String> names) {
        needles = new LinkedHashSet<>(names).stream().map(name -> name.getBytes(StandardCharsets.UTF_8))
                .toArray(byte[][]::new);
        shifts = new int[needles.length][];
        for (int i = 0; i < needles.length; i++) {
            shifts[i] = shifts(needles[i]);
        }
    }

    public boolean mentionedIn(byte[] classFile) {
        if (classFile == null) {
            return false;
        }
        for (int i = 0; i < needles.length; i++) {
            if (contains(classFile, needles[i], shifts[i])) {
                return true;
            }
        }
        return false;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        return contains(haystack, needle, shifts(needle));
    }

    /** How far the window may move when its last byte is a given byte: to that byte's last place in the needle. */
    private static int[] shifts(byte[] needle) {
        int last = needle.length - 1;
        int[] shift = new int[256];
        Arrays.fill(shift, needle.length);
        for (int k = 0; k < last; k++) {
            shift[needle[k] & 0xFF] = last - k;
        }
        return shift;
    }

    private static boolean contains(byte[] haystack, byte[] needle, int[] shift) {
        int last = needle.length - 1;
        for (int i = 0; i + last < haystack.length; i += shift[haystack[i + last] & 0xFF]) {
            int j = last;
            while (j >= 0 && haystack[i + j] == needle[j]) {
                j--;
            }
            if (j < 0) {
                return true;
            }
        }
        return false;
    }
}
