package io.closewatch.agent.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The endpoint behind HTTP Basic authentication and TLS, over real HTTP(S). */
class SecureEndpointTest {
    private static final String STORE_PASSWORD = "store-secret";

    @TempDir
    Path dir;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private static HttpResponse<String> get(HttpClient client, String url, String user, String password)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void basicAuthenticationGuardsMetricsButNotHealth() throws Exception {
        Counter.builder("websocket.closes").register(registry).increment();
        HttpClient client = HttpClient.newHttpClient();
        try (MetricsHttpServer server = MetricsHttpServer.start("127.0.0.1", 0, registry,
                EndpointSecurity.of("prometheus", "s3cret", null, null))) {
            String metrics = "http://127.0.0.1:" + server.port() + "/metrics";
            HttpResponse<String> anonymous = get(client, metrics, null, null);
            assertEquals(401, anonymous.statusCode());
            assertTrue(anonymous.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Basic "));
            assertEquals(401, get(client, metrics, "prometheus", "wrong").statusCode());
            assertEquals(401, get(client, metrics, "someone", "s3cret").statusCode());
            HttpResponse<String> allowed = get(client, metrics, "prometheus", "s3cret");
            assertEquals(200, allowed.statusCode());
            assertTrue(allowed.body().contains("websocket_closes_total 1.0"), allowed.body());
            HttpResponse<String> health = get(client, "http://127.0.0.1:" + server.port() + "/-/healthy", null, null);
            assertEquals(200, health.statusCode());
            assertEquals("OK\n", health.body());
        }
    }

    @Test
    void tlsServesHttpsWithTheConfiguredKey() throws Exception {
        Path keyStore = selfSignedKeyStore();
        try (MetricsHttpServer server = MetricsHttpServer.start("127.0.0.1", 0, registry,
                EndpointSecurity.of(null, null, keyStore.toString(), STORE_PASSWORD))) {
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keyStore)).build();
            assertEquals(200, get(trusting, "https://127.0.0.1:" + server.port() + "/metrics", null, null)
                    .statusCode());
            assertThrows(IOException.class, () -> get(HttpClient.newHttpClient(),
                    "http://127.0.0.1:" + server.port() + "/metrics", null, null), "plain HTTP is refused");
        }
    }

    @Test
    void halfOrWrongSettingsAreRefusedByName() throws Exception {
        IllegalArgumentException half = assertThrows(IllegalArgumentException.class,
                () -> EndpointSecurity.of("prometheus", null, null, null));
        assertTrue(half.getMessage().contains("auth.username") && half.getMessage().contains("auth.password"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> EndpointSecurity.of(null, null, dir.resolve("missing.p12").toString(), "x"));
        assertTrue(missing.getMessage().contains("tls.keystore"), missing.getMessage());
        Path keyStore = selfSignedKeyStore();
        IllegalArgumentException wrongPassword = assertThrows(IllegalArgumentException.class,
                () -> EndpointSecurity.of(null, null, keyStore.toString(), "not-it"));
        assertTrue(wrongPassword.getMessage().contains("tls.keystore"), wrongPassword.getMessage());
    }

    @Test
    void anUnresolvableHostIsAClearError() {
        UnknownHostException error = assertThrows(UnknownHostException.class,
                () -> MetricsHttpServer.start("no-such-host.invalid", 0, registry, EndpointSecurity.NONE));
        assertTrue(error.getMessage().contains("no-such-host.invalid"), error.getMessage());
    }

    /** A PKCS12 store with a self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
    private Path selfSignedKeyStore() throws Exception {
        Path store = dir.resolve("closewatch-" + System.nanoTime() + ".p12");
        Process keytool = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "closewatch", "-keyalg", "EC", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", STORE_PASSWORD)).redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, keytool.exitValue(), new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        return store;
    }

    private static SSLContext trusting(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
