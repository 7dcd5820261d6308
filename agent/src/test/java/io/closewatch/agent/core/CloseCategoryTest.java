package io.closewatch.agent.core;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CloseCategoryTest {
    /** The table of issue #2 (RFC 6455 section 7.4, IANA registry), written out independently of the switch. */
    private static String expectedLabel(int code) {
        if (code == 1000) return "normal";
        if (code == 1001) return "going_away";
        if (code == 1005) return "no_status";
        if (code == 1002 || code == 1003 || code == 1007 || code == 1009 || code == 1010) return "protocol_error";
        if (code == 1008) return "policy_violation";
        if (code >= 1011 && code <= 1014) return "server_error";
        if (code == 1006 || code == 1015) return "abnormal";
        if (code == 1004 || (code >= 1016 && code <= 2999)) return "reserved";
        if (code >= 3000 && code <= 3999) return "library";
        if (code >= 4000 && code <= 4999) return "application";
        return "invalid";
    }

    @Test
    void everySixteenBitCodeIsClassifiedAsTheRegistrySays() {
        for (int code = 0; code <= 65535; code++) {
            assertEquals(expectedLabel(code), CloseCategory.of(code).label(), "code " + code);
        }
    }

    @Test
    void intsThatAreNoCloseCodeAreInvalid() {
        for (int code : new int[] {-1, Integer.MIN_VALUE, 65536, Integer.MAX_VALUE}) {
            assertEquals(CloseCategory.INVALID, CloseCategory.of(code), "code " + code);
        }
    }

    @Test
    void boundariesOfEachRange() {
        assertEquals(CloseCategory.INVALID, CloseCategory.of(999));
        assertEquals(CloseCategory.SERVER_ERROR, CloseCategory.of(1011));
        assertEquals(CloseCategory.SERVER_ERROR, CloseCategory.of(1014));
        assertEquals(CloseCategory.RESERVED, CloseCategory.of(1016));
        assertEquals(CloseCategory.RESERVED, CloseCategory.of(2999));
        assertEquals(CloseCategory.LIBRARY, CloseCategory.of(3000));
        assertEquals(CloseCategory.APPLICATION, CloseCategory.of(4999));
        assertEquals(CloseCategory.INVALID, CloseCategory.of(5000));
    }
}
