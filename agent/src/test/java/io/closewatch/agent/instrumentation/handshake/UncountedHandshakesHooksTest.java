package io.closewatch.agent.instrumentation.handshake;

import io.closewatch.agent.HookHarness;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.closewatch.agent.HookHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The handshake detector on hand-written implementations: a class holding the accept GUID that no module covers is
 * named, and each of its methods that uses the GUID counts a handshake when it returns, and only then.
 */
class UncountedHandshakesHooksTest {
    private static final String KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    /** RFC 6455 section 1.3's example. */
    private static final String ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

    @Test
    void aHandWrittenServersHandshakesAreCountedUnderItsPackage() throws Exception {
        try (HookHarness hooks = HookHarness.detectingHandshakes(List.of("example.covered."), "example.")) {
            Object server = hooks.loaded("example.handwritten.HandWrittenServer")
                    .getDeclaredConstructor().newInstance();
            for (int i = 0; i < 3; i++) {
                assertEquals(ACCEPT, call(server, "accept", new Class<?>[] {String.class}, KEY));
            }
            call(server, "echo", new Class<?>[] {String.class}, "x");
            assertEquals(Map.of("example.handwritten", 3.0), hooks.uncountedHandshakes());
            assertEquals(Set.of("example.handwritten.HandWrittenServer"), hooks.uncounted());
        }
    }

    @Test
    void aCheckThatFailsIsNoHandshake() throws Exception {
        try (HookHarness hooks = HookHarness.detectingHandshakes(List.of(), "example.")) {
            Object client = hooks.loaded("example.handwritten.HandWrittenServer")
                    .getDeclaredConstructor().newInstance();
            Class<?>[] strings = {String.class, String.class};
            assertThrows(IllegalStateException.class, () -> call(client, "checkAccept", strings, KEY, "wrong"));
            assertEquals(Map.of(), hooks.uncountedHandshakes());
            call(client, "checkAccept", strings, KEY, ACCEPT);
            assertEquals(Map.of("example.handwritten", 1.0), hooks.uncountedHandshakes());
        }
    }

    @Test
    void theGuidKeptInAStaticFieldCountsWhereTheFieldIsRead() throws Exception {
        try (HookHarness hooks = HookHarness.detectingHandshakes(List.of(), "example.")) {
            Object server = hooks.loaded("example.handwritten.KeptAsBytes").getDeclaredConstructor().newInstance();
            assertEquals(ACCEPT, call(server, "accept", new Class<?>[] {String.class}, KEY));
            assertEquals(Map.of("example.handwritten", 1.0), hooks.uncountedHandshakes());
            call(server, "other", new Class<?>[0]);
            assertEquals(Map.of("example.handwritten", 1.0), hooks.uncountedHandshakes());
        }
    }

    @Test
    void aClassThatOnlyHoldsTheGuidIsNamedAndCountsNothing() throws Exception {
        try (HookHarness hooks = HookHarness.detectingHandshakes(List.of(), "example.")) {
            assertEquals("258EAFA5-E914-47DA-95CA-C5AB0DC85B11",
                    hooks.loaded("example.handwritten.GuidConstants").getField("GUID").get(null));
            assertEquals(Set.of("example.handwritten.GuidConstants"), hooks.uncounted());
            assertEquals(Map.of(), hooks.uncountedHandshakes());
        }
    }

    @Test
    void aClassACountingModuleCoversIsLeftAlone() throws Exception {
        try (HookHarness hooks = HookHarness.detectingHandshakes(List.of("example.covered."), "example.")) {
            Object server = hooks.loaded("example.covered.CoveredServer").getDeclaredConstructor().newInstance();
            assertEquals(ACCEPT, call(server, "accept", new Class<?>[] {String.class}, KEY));
            assertEquals(Set.of(), hooks.uncounted());
            assertEquals(Map.of(), hooks.uncountedHandshakes());
            assertEquals(List.of(), hooks.failures());
        }
    }
}
