package io.closewatch.agent.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The request line and headers of one HTTP/1.x request, read up to the blank line and no further. */
record RequestHead(String method, String path, boolean http11, Map<String, String> headers) {
    /** Longer heads are refused: a scraper's is a few hundred bytes. */
    static final int MAX_BYTES = 16 * 1024;

    /** A request that is not HTTP, or too large: answered 400 or 431, then the connection is closed. */
    static final class Malformed extends IOException {
        final int status;

        Malformed(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The header's value (names are case-insensitive), or null. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Whether the connection may carry another request after this one's response. */
    boolean keepsAlive() {
        String connection = header("Connection");
        boolean close = connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
        return http11 && !close && !hasBody();
    }

    /** A body this server does not read: the connection cannot be reused after it. */
    boolean hasBody() {
        String length = header("Content-Length");
        return header("Transfer-Encoding") != null || length != null && !length.trim().equals("0");
    }

    /**
     * Reads one request head.
     *
     * @return null when the stream ends before the first byte (the peer closed an idle connection)
     */
    static RequestHead read(InputStream in) throws IOException {
        byte[] head = new byte[MAX_BYTES];
        int length = 0;
        while (true) {
            int next = in.read();
            if (next < 0) {
                if (length == 0) {
                    return null;
                }
                throw new Malformed(400, "the request ended before its head did");
            }
            if (length == MAX_BYTES) {
                throw new Malformed(431, "request head over " + MAX_BYTES + " bytes");
            }
            head[length++] = (byte) next;
            if (next == '\n' && endsWithBlankLine(head, length)) {
                return parse(new String(head, 0, length, StandardCharsets.ISO_8859_1));
            }
        }
    }

    private static boolean endsWithBlankLine(byte[] head, int length) {
        return length >= 2 && head[length - 2] == '\n'
                || length >= 4 && head[length - 2] == '\r' && head[length - 3] == '\n';
    }

    static RequestHead parse(String head) throws Malformed {
        String[] lines = head.split("\r?\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3 || !requestLine[2].startsWith("HTTP/1.") || requestLine[0].isEmpty()) {
            throw new Malformed(400, "not an HTTP/1.x request line");
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new Malformed(400, "a header line without a name");
            }
            headers.putIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        String target = requestLine[1];
        int query = target.indexOf('?');
        return new RequestHead(requestLine[0], query < 0 ? target : target.substring(0, query),
                requestLine[2].equals("HTTP/1.1"), headers);
    }
}
