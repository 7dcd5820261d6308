package io.closewatch.agent.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsHttpServerTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final HttpClient client = HttpClient.newHttpClient();
    private MetricsHttpServer server;

    @BeforeEach
    void start() throws IOException {
        Counter.builder("websocket.closes").tag("code", "1000").register(registry).increment();
        server = MetricsHttpServer.start("127.0.0.1", 0, registry, EndpointSecurity.NONE);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> send(String method, String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20)); // no hang
        if (accept != null) {
            request.header("Accept", accept);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesThePrometheusTextFormat() throws Exception {
        HttpResponse<String> response = send("GET", "/metrics", null);
        assertEquals(200, response.statusCode());
        assertEquals(MetricsHttpServer.TEXT_CONTENT_TYPE, response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("websocket_closes_total{code=\"1000\"} 1.0"), response.body());
    }

    @Test
    void servesOpenMetricsWhenTheScraperAsksForIt() throws Exception {
        HttpResponse<String> response = send("GET", "/metrics",
                "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElseThrow()
                .startsWith("application/openmetrics-text"));
        assertTrue(response.body().contains("websocket_closes_total{code=\"1000\"} 1.0"), response.body());
        assertTrue(response.body().stripTrailing().endsWith("# EOF"), response.body());
    }

    @Test
    void otherPathsAreNotFoundAndOtherMethodsNotAllowed() throws Exception {
        assertEquals(404, send("GET", "/", null).statusCode());
        assertEquals(404, send("GET", "/metrics/x", null).statusCode());
        HttpResponse<String> post = send("POST", "/metrics", null);
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
        assertEquals(200, send("HEAD", "/metrics", null).statusCode());
        assertEquals(405, send("POST", "/-/healthy", null).statusCode());
        assertEquals(200, send("GET", "/-/healthy", null).statusCode());
    }

    @Test
    void aBusyPortFailsTheStartWithAnException() {
        assertThrows(IOException.class, () -> MetricsHttpServer.start("127.0.0.1", server.port(), registry, EndpointSecurity.NONE).close());
    }

    /** A connection that sends part of a request and then nothing. */
    private Socket stalled() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
        OutputStream out = socket.getOutputStream();
        out.write("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    @Test
    void scrapesAreAnsweredWhileFiftyClientsStallTheirRequests() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                stalled.add(stalled());
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(200, send("GET", "/metrics", null).statusCode());
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void aStalledRequestIsDroppedAfterTheRequestTimeout() throws Exception {
        server.close();
        server = MetricsHttpServer.start("127.0.0.1", 0, registry, EndpointSecurity.NONE, Duration.ofSeconds(1));
        try (Socket socket = stalled()) {
            socket.setSoTimeout(20_000); // no hang
            assertEquals(-1, socket.getInputStream().read(), "closed without an answer");
        }
        assertEquals(0, server.heldConnections());
    }

    @Test
    void aFloodOfConnectionsHoldsAtMostTheCapAndScrapesAreStillAnswered() throws Exception {
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < 500; i++) {
                flood.add(new Socket(InetAddress.getLoopbackAddress(), server.port()));
            }
            assertEquals(200, send("GET", "/metrics", null).statusCode());
            assertTrue(server.heldConnections() <= MetricsHttpServer.MAX_CONNECTIONS, "" + server.heldConnections());
            flood.get(0).setSoTimeout(20_000);
            assertEquals(-1, flood.get(0).getInputStream().read(), "the oldest was closed to make room");
        } finally {
            for (Socket socket : flood) {
                socket.close();
            }
        }
    }

    /** A client that asks for a large response and never reads it holds its own connection, not the endpoint. */
    @Test
    void aClientThatDoesNotReadItsResponseHoldsOnlyItsOwnConnection() throws Exception {
        for (int i = 0; i < 20_000; i++) {
            Counter.builder("websocket.closes").tag("code", "x" + i).register(registry).increment();
        }
        try (Socket reader = new Socket()) {
            reader.setReceiveBufferSize(1024);
            reader.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
            OutputStream out = reader.getOutputStream();
            for (int i = 0; i < 6; i++) { // more than the largest socket buffers hold (4 MiB)
                out.write("GET /metrics HTTP/1.1\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
            for (int i = 0; i < 50 && server.respondingConnections() == 0; i++) {
                Thread.sleep(100);
            }
            assertEquals(200, send("GET", "/metrics", null).statusCode());
            assertEquals(1, server.respondingConnections(), "the reader's response is stuck in its socket");
            InputStream in = reader.getInputStream();
            assertFalse(in.read() < 0, "and still there for it");
        }
    }
}
