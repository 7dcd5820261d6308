package io.closewatch.containers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients of the metrics port that try to blind it, against the real agent in a host JVM serving WebSockets: one
 * and fifty connections that send part of a request and stall (and reconnect whenever they are dropped), and a
 * flood of 5,000 connections, in plain HTTP and with TLS and Basic authentication. Throughout, a scraper (the JDK's
 * HTTP client, a new connection each time) is answered within 2 s, the host keeps serving and counting its
 * WebSocket sessions, and the flood costs the host at most the endpoint's cap of file descriptors. The stalling
 * lasts until every stalled connection has been dropped (at {@code request.timeout}, 1 s here) and has come back,
 * with a few scrapes at least: what happens, not a fixed time.
 */
@Isolated("it bounds every scrape's answer in time: nothing else runs beside it")
class HostileScrapersIT {
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(2);
    /** A bound, never reached unless the endpoint fails to drop its stalled connections. */
    private static final long STALL_SECONDS = 30;
    private static final int SCRAPES_WHILE_STALLED = 3;
    private static final int FLOOD = 5_000;
    /** The endpoint's cap (MetricsHttpServer.MAX_CONNECTIONS), and a little for the host's own churn. */
    private static final int MAX_EXTRA_DESCRIPTORS = 128 + 8;
    private static final String STORE_PASSWORD = "store-secret";

    @TempDir
    Path dir;

    @Test
    void plainHttpCannotBeStalledOrFlooded() throws Exception {
        try (HostJvm host = HostJvm.start("tomcat11", JavaHomes.require(17), "port={port},request.timeout=1", List.of(),
                Map.of())) {
            Scraper scraper = new Scraper(HttpClient.newBuilder(), "http", host.metricsPort(), null);
            survives(host, scraper, false);
        }
    }

    @Test
    void tlsWithBasicAuthenticationCannotBeStalledOrFlooded() throws Exception {
        Path keyStore = selfSignedKeyStore();
        try (HostJvm host = HostJvm.start("tomcat11", JavaHomes.require(17), "port={port},request.timeout=1,"
                + "auth.username=prometheus,auth.password=s3cret,tls.keystore=" + keyStore + ",tls.keystore.password="
                + STORE_PASSWORD,
                List.of(), Map.of())) {
            Scraper scraper = new Scraper(HttpClient.newBuilder().sslContext(trusting(keyStore)), "https",
                    host.metricsPort(), "prometheus:s3cret");
            assertEquals(401, new Scraper(HttpClient.newBuilder().sslContext(trusting(keyStore)), "https",
                    host.metricsPort(), "prometheus:wrong").status(), "a wrong password is still refused");
            survives(host, scraper, true);
        }
    }

    private void survives(HostJvm host, Scraper scraper, boolean tls) throws Exception {
        assertEquals(200, scraper.status());
        int sessions = 0;
        for (int stallers : new int[] {1, 50}) {
            try (Stallers stalling = new Stallers(host.metricsPort(), stallers, tls)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STALL_SECONDS);
                int scrapes = 0;
                while ((stalling.connections() < 2 * stallers || scrapes < SCRAPES_WHILE_STALLED)
                        && System.nanoTime() < deadline) {
                    scraper.answersInTime(stallers + " stalled connections");
                    scrapes++;
                    host.play("jdk-client-close 1000 /annotated/r" + sessions++); // the host serves on
                    Thread.sleep(250);
                }
                assertTrue(stalling.connections() >= 2 * stallers, stalling.connections() + " connections: every "
                        + "stalled one dropped and back");
                assertEquals((double) sessions, scraper.closes(), "every session counted, none lost");
            }
        }
        long descriptorsBefore = descriptors(host.pid());
        List<Socket> flood = new ArrayList<>();
        try {
            for (int i = 0; i < FLOOD; i++) {
                flood.add(new Socket(InetAddress.getLoopbackAddress(), host.metricsPort()));
            }
            scraper.answersInTime("a flood of " + FLOOD + " connections");
            long extra = descriptors(host.pid()) - descriptorsBefore;
            assertTrue(extra <= MAX_EXTRA_DESCRIPTORS, extra + " more file descriptors in the host");
        } finally {
            for (Socket socket : flood) {
                socket.close();
            }
        }
        scraper.answersInTime("after the flood");
    }

    private static long descriptors(long pid) throws IOException {
        try (var fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        }
    }

    /** A real scraper: the JDK's HTTP client, a new connection for every scrape. */
    private static final class Scraper {
        private final HttpClient.Builder clients;
        private final URI metrics;
        private final String credentials;

        Scraper(HttpClient.Builder clients, String scheme, int port, String credentials) {
            this.clients = clients.connectTimeout(ANSWER_WITHIN);
            this.metrics = URI.create(scheme + "://127.0.0.1:" + port + "/metrics");
            this.credentials = credentials;
        }

        HttpResponse<String> scrape() throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(metrics).timeout(ANSWER_WITHIN);
            if (credentials != null) {
                request.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
            return clients.build().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        int status() throws Exception {
            return scrape().statusCode();
        }

        void answersInTime(String during) throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> response = scrape(); // its timeout fails the test past the bound
            assertEquals(200, response.statusCode(), during);
            assertTrue(response.body().contains("closewatch_agent_info"), during);
            assertTrue(System.nanoTime() - start <= ANSWER_WITHIN.toNanos(), during);
        }

        /** The server side's closes, summed. */
        double closes() throws Exception {
            return scrape().body().lines()
                    .filter(line -> line.startsWith("websocket_closes_total{") && line.contains("side=\"server\""))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        }
    }

    /**
     * Connections that each send the start of a request (with TLS: the start of a handshake) and then nothing; a
     * dropped one is opened again at once, as an attacker would.
     */
    private static final class Stallers implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicInteger opened = new AtomicInteger();

        Stallers(int port, int count, boolean tls) {
            byte[] partial = tls ? new byte[] {0x16, 0x03, 0x01, 0x00} // a TLS record header, no more
                    : "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < count; i++) {
                Thread thread = new Thread(() -> {
                    while (running.get()) {
                        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                            opened.incrementAndGet();
                            OutputStream out = socket.getOutputStream();
                            out.write(partial);
                            out.flush();
                            InputStream in = socket.getInputStream();
                            while (in.read() >= 0) {
                                // drain whatever comes, until the server drops the connection
                            }
                        } catch (IOException dropped) {
                            // reconnect
                        }
                    }
                }, "staller-" + i);
                thread.setDaemon(true);
                thread.start();
                threads.add(thread);
            }
        }

        int connections() {
            return opened.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(10)); // the server drops each within its request timeout
            }
        }
    }

    private Path selfSignedKeyStore() throws Exception {
        Path keyStore = dir.resolve("closewatch.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "closewatch", "-keyalg", "EC", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keyStore.toString(), "-storepass", STORE_PASSWORD).inheritIO().start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, "keytool");
        return keyStore;
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
