package io.closewatch.agent.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestHeadTest {
    private static RequestHead read(String request) throws IOException {
        return RequestHead.read(new ByteArrayInputStream(request.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void readsAScrapersRequestUpToItsBlankLineAndNoFurther() throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(("GET /metrics?x=1 HTTP/1.1\r\nHost: a\r\n"
                + "accept: application/openmetrics-text\r\n\r\nGET /next").getBytes(StandardCharsets.ISO_8859_1));
        RequestHead head = RequestHead.read(in);
        assertEquals("GET", head.method());
        assertEquals("/metrics", head.path());
        assertEquals("application/openmetrics-text", head.header("Accept"));
        assertTrue(head.keepsAlive());
        assertEquals("GET /next", new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
    }

    @Test
    void bareNewlinesEndTheHeadToo() throws IOException {
        assertEquals("/-/healthy", read("HEAD /-/healthy HTTP/1.0\nHost: a\n\n").path());
    }

    @Test
    void http10ConnectionCloseAndABodyEndTheConnection() throws IOException {
        assertFalse(read("GET /metrics HTTP/1.0\r\n\r\n").keepsAlive());
        assertFalse(read("GET /metrics HTTP/1.1\r\nConnection: close\r\n\r\n").keepsAlive());
        assertFalse(read("POST /metrics HTTP/1.1\r\nContent-Length: 3\r\n\r\n").keepsAlive());
        assertFalse(read("POST /metrics HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").keepsAlive());
    }

    @Test
    void aStreamThatEndsBeforeTheFirstByteIsNoRequest() throws IOException {
        assertNull(read(""));
    }

    @Test
    void whatIsNotHttpIsRefusedWithTheStatusToAnswer() {
        assertEquals(400, assertThrows(RequestHead.Malformed.class, () -> read("GET /metrics HTTP/1.1\r\nHo")).status);
        assertEquals(400, assertThrows(RequestHead.Malformed.class, () -> read("\u0016\u0003\u0001 tls\r\n\r\n"))
                .status);
        assertEquals(400, assertThrows(RequestHead.Malformed.class, () -> read("GET /metrics SPDY/3\r\n\r\n"))
                .status);
        assertEquals(400, assertThrows(RequestHead.Malformed.class,
                () -> read("GET /metrics HTTP/1.1\r\nno colon\r\n\r\n")).status);
        assertEquals(431, assertThrows(RequestHead.Malformed.class,
                () -> read("GET /metrics HTTP/1.1\r\nX: " + "y".repeat(RequestHead.MAX_BYTES) + "\r\n\r\n")).status);
    }
}
