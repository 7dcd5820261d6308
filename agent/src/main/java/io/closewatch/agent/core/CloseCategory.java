package io.closewatch.agent.core;

/**
 * What a WebSocket close code means, following RFC 6455 section 7.4 and the IANA "WebSocket Close Code Number"
 * registry. The {@link #label()} values are a public contract: dashboards and alerts match on them.
 */
public enum CloseCategory {
    NORMAL("normal"),
    GOING_AWAY("going_away"),
    NO_STATUS("no_status"),
    PROTOCOL_ERROR("protocol_error"),
    POLICY_VIOLATION("policy_violation"),
    SERVER_ERROR("server_error"),
    ABNORMAL("abnormal"),
    RESERVED("reserved"),
    LIBRARY("library"),
    APPLICATION("application"),
    INVALID("invalid");

    private static final CloseCategory[] VALUES = values();

    private final String label;

    CloseCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static CloseCategory byOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    public static int count() {
        return VALUES.length;
    }

    /** Classifies any int; codes outside 1000-4999 are {@link #INVALID}. */
    public static CloseCategory of(int code) {
        if (code >= 1000 && code <= 1015) {
            switch (code) {
                case 1000: return NORMAL;
                case 1001: return GOING_AWAY;
                case 1002: case 1003: case 1007: case 1009: case 1010: return PROTOCOL_ERROR;
                case 1004: return RESERVED;
                case 1005: return NO_STATUS;
                case 1006: case 1015: return ABNORMAL;
                case 1008: return POLICY_VIOLATION;
                default: return SERVER_ERROR; // 1011-1014
            }
        }
        if (code >= 1016 && code <= 2999) {
            return RESERVED;
        }
        if (code >= 3000 && code <= 3999) {
            return LIBRARY;
        }
        if (code >= 4000 && code <= 4999) {
            return APPLICATION;
        }
        return INVALID;
    }
}
