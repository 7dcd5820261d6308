package io.closewatch.agent.weaving;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The first, cheap look at a class being loaded: does its class file contain any name that some hook needs? A class
 * that declares {@code onClose(Session, CloseReason)}, implements {@code Session} or is named {@code WebSocketImpl}
 * carries that name in its own constant pool, so a class file without any of them cannot match a hook, and a byte
 * search decides that in microseconds, where Byte Buddy's matching would parse the class and its super types.
 * <p>
 * Every class the JVM loads goes through it, mostly before the JIT compiler has compiled it, so all names are looked
 * for in one pass that skips ahead (Wu and Manber's method): a window as long as the shortest name slides over the
 * class file, and the last two bytes of the window say how far it may move before any name could end in it; only
 * where no move is allowed are the names that end with those two bytes compared. With names of a dozen bytes or more
 * the window moves about ten bytes at a time, where a search per name (twenty names) would read every byte twenty
 * times over. JDK types only: this runs before Byte Buddy is loaded ({@link DeferredTransformer}).
 */
public final class ClassFileNames {
    private static final int BLOCK = 2;

    private final byte[][] needles;
    /** The length of the shortest name: the window. */
    private final int window;
    /** By the window's last two bytes: how far it may move without passing a name's possible end. */
    private final byte[] shift;
    /** By the last two bytes of a name's first {@link #window} bytes: the names to compare there. */
    private final int[][] endingWith;

    public ClassFileNames(Collection<String> names) {
        // No streams or lambdas: this runs in premain, where each would cost the JVM a generated class.
        List<byte[]> distinct = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            distinct.add(name.getBytes(StandardCharsets.UTF_8));
        }
        needles = distinct.toArray(new byte[0][]);
        int shortest = Integer.MAX_VALUE;
        for (byte[] needle : needles) {
            if (needle.length < BLOCK) {
                throw new IllegalArgumentException("a name to look for needs " + BLOCK + " bytes or more");
            }
            shortest = Math.min(shortest, needle.length);
        }
        window = needles.length == 0 ? BLOCK : shortest;
        shift = new byte[1 << 16];
        // Shifts past 127 gain nothing here (names are shorter) and keep the table a byte per entry.
        Arrays.fill(shift, (byte) Math.min(window - BLOCK + 1, Byte.MAX_VALUE));
        int[] counts = new int[1 << 16];
        for (byte[] needle : needles) {
            for (int end = BLOCK - 1; end < window; end++) {
                int block = block(needle, end);
                shift[block] = (byte) Math.min(shift[block], window - 1 - end);
            }
            counts[block(needle, window - 1)]++;
        }
        endingWith = new int[1 << 16][];
        for (int i = 0; i < needles.length; i++) {
            int block = block(needles[i], window - 1);
            if (endingWith[block] == null) {
                endingWith[block] = new int[counts[block]];
                counts[block] = 0;
            }
            endingWith[block][counts[block]++] = i;
        }
    }

    public boolean mentionedIn(byte[] classFile) {
        if (classFile == null || needles.length == 0) {
            return false;
        }
        for (int end = window - 1; end < classFile.length; ) {
            int block = block(classFile, end);
            int move = shift[block];
            if (move > 0) {
                end += move;
                continue;
            }
            int start = end - window + 1;
            for (int candidate : endingWith[block]) {
                if (startsAt(classFile, start, needles[candidate])) {
                    return true;
                }
            }
            end++;
        }
        return false;
    }

    /** The two bytes that end at {@code end}, as one number. */
    private static int block(byte[] bytes, int end) {
        return (bytes[end - 1] & 0xFF) << 8 | bytes[end] & 0xFF;
    }

    private static boolean startsAt(byte[] haystack, int start, byte[] needle) {
        if (start + needle.length > haystack.length) {
            return false;
        }
        for (int k = 0; k < needle.length; k++) {
            if (haystack[start + k] != needle[k]) {
                return false;
            }
        }
        return true;
    }
}
