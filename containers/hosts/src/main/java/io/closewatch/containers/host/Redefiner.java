package io.closewatch.containers.host;

import java.io.InputStream;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;

/**
 * A Java agent of the tests' own, as an IDE's HotSwap or a class reloader is: given with {@code -javaagent} (a jar
 * whose manifest names this class and allows redefinition), it keeps the {@link Instrumentation} so that the host
 * can redefine one of its classes from the class file it was compiled to.
 */
public final class Redefiner {
    private static volatile Instrumentation instrumentation;

    private Redefiner() {
    }

    public static void premain(String arguments, Instrumentation given) {
        instrumentation = given;
    }

    /**
     * Redefines {@code type} from its class file as compiled, with the string constant {@code from} replaced by
     * {@code to} (the same length, so the rest of the file stands): a method body edited, or, with {@code to} equal to
     * {@code from}, the class as compiled.
     */
    static void redefine(Class<?> type, String from, String to) throws Exception {
        if (instrumentation == null) {
            throw new IllegalStateException("the host was started without the redefining agent");
        }
        byte[] classFile;
        try (InputStream in = type.getResourceAsStream(type.getName().substring(type.getName().lastIndexOf('.') + 1)
                + ".class")) {
            classFile = in.readAllBytes();
        }
        byte[] old = from.getBytes(StandardCharsets.UTF_8);
        byte[] replacement = to.getBytes(StandardCharsets.UTF_8);
        if (old.length != replacement.length) {
            throw new IllegalArgumentException(from + " and " + to + " differ in length");
        }
        int at = indexOf(classFile, old);
        if (at < 0) {
            throw new IllegalArgumentException("no constant " + from + " in " + type.getName());
        }
        System.arraycopy(replacement, 0, classFile, at, replacement.length);
        try {
            instrumentation.redefineClasses(new ClassDefinition(type, classFile));
        } catch (Error e) {
            throw new IllegalStateException("redefining " + type.getName() + " failed", e);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
