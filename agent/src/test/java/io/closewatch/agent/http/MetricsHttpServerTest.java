package io.closewatch.agent.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
                .method(method, HttpRequest.BodyPublishers.noBody());
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
}
