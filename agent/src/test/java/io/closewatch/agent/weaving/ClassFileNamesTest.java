package io.closewatch.agent.weaving;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassFileNamesTest {
    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        return new ClassFileNames(List.of(new String(needle, StandardCharsets.UTF_8))).mentionedIn(haystack);
    }

    @Test
    void findsANameAnywhereInTheBytes() {
        byte[] haystack = bytes("xxonClosexx");
        assertTrue(contains(haystack, bytes("onClose")));
        assertTrue(contains(haystack, bytes("xx")));
        assertTrue(contains(bytes("onClose"), bytes("onClose")), "the whole array");
        assertFalse(contains(haystack, bytes("onOpen")));
        assertFalse(contains(bytes("onClos"), bytes("onClose")), "a name cut off at the end");
        assertFalse(contains(bytes("onCloXe"), bytes("onClose")), "a difference after the first byte");
        assertFalse(contains(bytes("Xse"), bytes("onClose")), "a haystack shorter than the name");
    }

    /** The search skips ahead; it must still find a name at every offset, after near misses and repeats. */
    @Test
    void findsANameAtEveryOffsetAmongNearMisses() {
        byte[] needle = bytes("/websocket/Session");
        for (int offset = 0; offset < 40; offset++) {
            String before = "/websocket/Sessio/websocket/Sessi/ws".repeat(2).substring(0, offset);
            assertTrue(contains(bytes(before + "/websocket/Session" + "ssion"), needle), before);
            assertFalse(contains(bytes(before + "/websocket/Sessiom"), needle), before);
        }
        assertTrue(contains(bytes("aaaab"), bytes("aab")), "a repeated prefix");
        assertTrue(contains(bytes("abcabd"), bytes("abd")));
    }

    @Test
    void anyOfTheNamesIsEnoughAndNoClassFileMentionsNothing() {
        ClassFileNames names = new ClassFileNames(List.of("WebSocketImpl", "connectToServer"));
        assertTrue(names.mentionedIn(bytes("..connectToServer..")));
        assertTrue(names.mentionedIn(bytes("..WebSocketImpl..")));
        assertFalse(names.mentionedIn(bytes("..connectTo..WebSocket..")));
        assertFalse(names.mentionedIn(null), "a class without a class file");
    }

    /**
     * Against a plain search, on random bytes from a small alphabet (so that near misses abound) and random names of
     * different lengths, some of them in the bytes: a name the one-pass search skips over fails this.
     */
    @Test
    void findsWhatAPlainSearchFinds() {
        Random random = new Random(42);
        String alphabet = "abc/S";
        for (int round = 0; round < 3000; round++) {
            List<String> names = new ArrayList<>();
            for (int n = 1 + random.nextInt(4); n > 0; n--) {
                names.add(text(random, alphabet, 2 + random.nextInt(6)));
            }
            String haystack = text(random, alphabet, random.nextInt(60));
            if (random.nextBoolean()) {
                int at = random.nextInt(haystack.length() + 1);
                haystack = haystack.substring(0, at) + names.get(random.nextInt(names.size())) + haystack.substring(at);
            }
            String found = haystack;
            boolean expected = names.stream().anyMatch(found::contains);
            assertEquals(expected, new ClassFileNames(names).mentionedIn(bytes(haystack)), names + " in " + haystack);
        }
    }

    private static String text(Random random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    @Test
    void aNameOfOneByteIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClassFileNames(List.of("x")));
    }
}
