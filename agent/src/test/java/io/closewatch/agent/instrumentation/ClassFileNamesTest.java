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
        assertFalse(ClassFileNames.contains(bytes("Xse"), bytes("onClose")), "a haystack shorter than the name");
    }

    /** The search skips ahead; it must still find a name at every offset, after near misses and repeats. */
    @Test
    void findsANameAtEveryOffsetAmongNearMisses() {
        byte[] needle = bytes("/websocket/Session");
        for (int offset = 0; offset < 40; offset++) {
            String before = "/websocket/Sessio/websocket/Sessi/ws".repeat(2).substring(0, offset);
            assertTrue(ClassFileNames.contains(bytes(before + "/websocket/Session" + "ssion"), needle), before);
            assertFalse(ClassFileNames.contains(bytes(before + "/websocket/Sessiom"), needle), before);
        }
        assertTrue(ClassFileNames.contains(bytes("aaaab"), bytes("aab")), "a repeated prefix");
        assertTrue(ClassFileNames.contains(bytes("abcabd"), bytes("abd")));
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
