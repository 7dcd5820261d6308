package io.closewatch.agent.instrumentation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassFilePreFilterTest {
    private static byte[] classFile(Class<?> type) throws IOException {
        String file = type.getName().substring(type.getPackageName().length() + 1) + ".class"; // Outer$Nested
        try (InputStream in = type.getResourceAsStream(file)) {
            return in.readAllBytes();
        }
    }

    /** Declares onClose: its class file must pass. */
    static final class DeclaresOnClose {
        void onClose() {
        }
    }

    /** Mentions nothing a hook needs. */
    static final class Unrelated {
        int answer() {
            return 42;
        }
    }

    @Test
    void findsANameAnywhereInTheBytes() {
        byte[] haystack = "xxonClosexx".getBytes(StandardCharsets.UTF_8);
        assertTrue(ClassFilePreFilter.contains(haystack, "onClose".getBytes(StandardCharsets.UTF_8)));
        assertTrue(ClassFilePreFilter.contains(haystack, "xx".getBytes(StandardCharsets.UTF_8)));
        assertFalse(ClassFilePreFilter.contains(haystack, "onOpen".getBytes(StandardCharsets.UTF_8)));
        assertFalse(ClassFilePreFilter.contains("onClos".getBytes(StandardCharsets.UTF_8),
                "onClose".getBytes(StandardCharsets.UTF_8)), "a name cut off at the end");
    }

    @Test
    void passesClassFilesThatDeclareAHookedMethodAndStopsOthers() throws IOException {
        byte[] onClose = "onClose".getBytes(StandardCharsets.UTF_8);
        byte[] webSocketImpl = "WebSocketImpl".getBytes(StandardCharsets.UTF_8);
        assertTrue(ClassFilePreFilter.contains(classFile(DeclaresOnClose.class), onClose));
        assertFalse(ClassFilePreFilter.contains(classFile(Unrelated.class), onClose));
        assertFalse(ClassFilePreFilter.contains(classFile(Unrelated.class), webSocketImpl));
    }
}
