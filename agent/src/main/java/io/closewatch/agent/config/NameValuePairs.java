package io.closewatch.agent.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code name=value,name=value}, values percent-decoded, as OpenTelemetry's {@code OTEL_EXPORTER_OTLP_HEADERS} and
 * {@code OTEL_RESOURCE_ATTRIBUTES} write them: for the OTLP push's headers and resource, and the release gate's
 * request headers. A {@code +} stays a {@code +} (base64 tokens have them); only {@code %XX} is decoded.
 */
public final class NameValuePairs {
    /** An entry that is not {@code name=value}: its number (from 1), never its text, which may be a secret. */
    public static final class MalformedException extends IllegalArgumentException {
        MalformedException(int entry) {
            super("malformed entry number " + entry + "; expected name=value, joined by commas, values "
                    + "percent-encoded");
        }
    }

    private NameValuePairs() {
    }

    /** The pairs in order; names are HTTP tokens (RFC 9110). */
    public static Map<String, String> parse(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        String[] entries = text.split(",");
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].trim();
            int eq = entry.indexOf('=');
            String name = eq > 0 ? entry.substring(0, eq).trim() : "";
            String value = null;
            try {
                value = eq > 0 ? URLDecoder.decode(entry.substring(eq + 1).trim().replace("+", "%2B"),
                        StandardCharsets.UTF_8) : null;
            } catch (IllegalArgumentException ignored) {
                // reported below
            }
            if (name.isEmpty() || !name.chars().allMatch(NameValuePairs::isTokenChar) || value == null) {
                throw new MalformedException(i + 1);
            }
            pairs.put(name, value);
        }
        return Collections.unmodifiableMap(pairs);
    }

    /** An HTTP header name's characters (RFC 9110 token). */
    private static boolean isTokenChar(int c) {
        return c > 32 && c < 127 && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
    }
}
