package io.closewatch.benchmarks;

import io.closewatch.agent.http.EndpointSecurity;
import io.closewatch.agent.metrics.CloseMeters;
import io.closewatch.agent.http.MetricsHttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

/**
 * Scrapes the agent's real endpoint over HTTP on loopback, with 1,000 close-counter label sets, and prints the
 * latency percentiles of whole scrapes. Target: p99 at most 10 ms. The client here shares the JVM (and its
 * collector) with the server; {@code benchmarks/scrape.sh} serves the same endpoint with {@code serve} and scrapes it
 * from other processes, as Prometheus does.
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.closewatch.benchmarks.ScrapeLatency [scrapes]}
 * <p>{@code java -cp benchmarks/target/benchmarks.jar io.closewatch.benchmarks.ScrapeLatency serve <port> <seconds>}
 */
public final class ScrapeLatency {
    private ScrapeLatency() {
    }

    public static void main(String[] args) throws Exception {
        PrometheusMeterRegistry registry = CloseMeters.newRegistry("chat", "1.4.2");
        ScrapeBenchmark.fill(registry);
        if (args.length == 3 && args[0].equals("serve")) {
            serve(registry, Integer.parseInt(args[1]), Long.parseLong(args[2]));
            return;
        }
        int scrapes = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Result result = measure(registry, scrapes);
        System.out.printf("scrape over HTTP, %d close-counter label sets, %d bytes, %d scrapes: p50 %.2f ms, "
                        + "p99 %.2f ms, max %.2f ms%n", ScrapeBenchmark.ENDPOINTS * ScrapeBenchmark.CODES_PER_ENDPOINT,
                result.bytes(), scrapes, result.percentile(50) / 1e6, result.percentile(99) / 1e6,
                result.percentile(100) / 1e6);
    }

    /** Whole-scrape times, sorted, and the size of the body. */
    record Result(int bytes, long[] sortedNanos) {
        long percentile(int p) {
            return sortedNanos[Math.min(sortedNanos.length - 1, sortedNanos.length * p / 100)];
        }
    }

    /** Serves {@code registry} on loopback and scrapes it {@code scrapes} times after a quarter as many to warm up. */
    static Result measure(PrometheusMeterRegistry registry, int scrapes) throws Exception {
        try (MetricsHttpServer server = MetricsHttpServer.start("127.0.0.1", 0, registry, EndpointSecurity.NONE)) {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/metrics")).build();
            int bytes = 0;
            for (int i = 0; i < scrapes / 4; i++) { // warm-up
                bytes = client.send(request, HttpResponse.BodyHandlers.ofString()).body().length();
            }
            long[] nanos = new long[scrapes];
            for (int i = 0; i < scrapes; i++) {
                long start = System.nanoTime();
                client.send(request, HttpResponse.BodyHandlers.ofString());
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            return new Result(bytes, nanos);
        }
    }

    /** Serves the endpoint for {@code seconds}, for scrapers in other processes. */
    private static void serve(PrometheusMeterRegistry registry, int port, long seconds) throws Exception {
        try (MetricsHttpServer server = MetricsHttpServer.start("127.0.0.1", port, registry, EndpointSecurity.NONE)) {
            System.out.println("serving http://127.0.0.1:" + server.port() + "/metrics for " + seconds + " s");
            Thread.sleep(seconds * 1000);
        }
    }
}
