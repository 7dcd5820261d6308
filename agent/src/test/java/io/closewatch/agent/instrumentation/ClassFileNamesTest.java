package io.closewatch.agent.instrumentation;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassFileNamesTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsANameAnywhereInTheBytes() {
        byte[] haystack = bytes("xxonClosexx");
        assertTrue(ClassFileNames.contains(haystack, bytes("onClose")));
        assertTrue(ClassFileNames.contains(haystack, bytes("xx")));
        assertTrue(ClassFileNames.contains(bytes("onClose"), bytes("onClose")), "the whole array");
        assertFalse(ClassFileNames.contains(haystack, bytes("onOpen")));
        assertFalse(ClassFileNames.contains(bytes("onClos"), bytes("onClose")), "a name cut off at the end");
        assertFalse(ClassFileNames.contains(bytes("onCloXe"), bytes("onClose")), "a difference after the first byte");
    }

    @Test
    void anyOfTheNamesIsEnoughAndNoClassFileMentionsNothing() {
        ClassFileNames names = new ClassFileNames(List.of("WebSocketImpl", "connectToServer"));
        assertTrue(names.mentionedIn(bytes("..connectToServer..")));
        assertTrue(names.mentionedIn(bytes("..WebSocketImpl..")));
        assertFalse(names.mentionedIn(bytes("..connectTo..WebSocket..")));
        assertFalse(names.mentionedIn(null), "a class without a class file");
    }
}
