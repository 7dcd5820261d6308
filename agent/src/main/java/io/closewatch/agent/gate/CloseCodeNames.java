package io.closewatch.agent.gate;

import java.util.Map;

/** The IANA registry's names of the codes RFC 6455 and its successors define; ranges for the rest. */
final class CloseCodeNames {
    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1000, "Normal Closure"), Map.entry(1001, "Going Away"), Map.entry(1002, "Protocol error"),
            Map.entry(1003, "Unsupported Data"), Map.entry(1004, "Reserved"), Map.entry(1005, "No Status Rcvd"),
            Map.entry(1006, "Abnormal Closure"), Map.entry(1007, "Invalid frame payload data"),
            Map.entry(1008, "Policy Violation"), Map.entry(1009, "Message Too Big"),
            Map.entry(1010, "Mandatory Ext."), Map.entry(1011, "Internal Error"), Map.entry(1012, "Service Restart"),
            Map.entry(1013, "Try Again Later"), Map.entry(1014, "Bad Gateway"), Map.entry(1015, "TLS handshake"));

    private CloseCodeNames() {
    }

    static String name(String code) {
        int value;
        try {
            value = Integer.parseInt(code);
        } catch (NumberFormatException notACode) {
            return "other".equals(code) ? "codes past the agent's cap" : code;
        }
        String name = NAMES.get(value);
        if (name != null) {
            return name;
        }
        if (value >= 1016 && value <= 2999) {
            return "reserved";
        }
        if (value >= 3000 && value <= 3999) {
            return "library/framework";
        }
        if (value >= 4000 && value <= 4999) {
            return "application";
        }
        return "invalid";
    }
}
