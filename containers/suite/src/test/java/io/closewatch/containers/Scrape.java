package io.closewatch.containers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/** One scrape of the agent's /metrics, parsed from the Prometheus text format. */
final class Scrape {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Sample(String name, Map<String, String> labels, double value) {
    }

    final List<Sample> samples;
    final String contentType;
    final String body;

    private Scrape(String body, String contentType) {
        this.body = body;
        this.contentType = contentType;
        this.samples = parse(body);
    }

    static Scrape of(int port) throws Exception {
        return of(port, null);
    }

    /**
     * The {@code websocket_closes_total} series of the host on {@code port}, without their application and release
     * labels, once they are {@code expected} or as they are after 10 s.
     */
    static Map<String, Double> awaitCloses(int port, Map<String, Double> expected) throws Exception {
        return awaitCloses(agentEndpoint(port), expected);
    }

    /** As {@link #awaitCloses(int, Map)}, from another endpoint ({@code /actuator/prometheus}, say). */
    static Map<String, Double> awaitCloses(URI endpoint, Map<String, Double> expected) throws Exception {
        Map<String, Double> closes = Map.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!closes.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            closes = of(endpoint, null).values("websocket_closes_total", "application", "release");
        }
        return closes;
    }

    /**
     * The series of {@code metric} (without {@code dropLabels}), once they are {@code expected} or as they are after
     * 10 s.
     */
    static Map<String, Double> awaitValues(int port, String metric, Map<String, Double> expected,
                                           String... dropLabels) throws Exception {
        Map<String, Double> values = of(port).values(metric, dropLabels);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!values.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            values = of(port).values(metric, dropLabels);
        }
        return values;
    }

    static Scrape of(int port, String accept) throws Exception {
        return of(agentEndpoint(port), accept);
    }

    private static URI agentEndpoint(int port) {
        return URI.create("http://127.0.0.1:" + port + "/metrics");
    }

    static Scrape of(URI endpoint, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10));
        if (accept != null) {
            request.header("Accept", accept);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + endpoint + " answered " + response.statusCode());
        }
        return new Scrape(response.body(), response.headers().firstValue("Content-Type").orElse(""));
    }

    List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The values of {@code name}, keyed by their labels (printed sorted) without {@code dropLabels}. */
    Map<String, Double> values(String name, String... dropLabels) {
        Map<String, Double> result = new TreeMap<>();
        for (Sample sample : named(name)) {
            Map<String, String> labels = new TreeMap<>(sample.labels());
            for (String drop : dropLabels) {
                labels.remove(drop);
            }
            result.merge(labels.toString(), sample.value(), Double::sum);
        }
        return result;
    }

    private static List<Sample> parse(String body) {
        List<Sample> samples = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int split = line.lastIndexOf(' ');
            if (brace < 0) {
                samples.add(new Sample(line.substring(0, split), Map.of(), number(line.substring(split + 1))));
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            int i = brace + 1;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                StringBuilder value = new StringBuilder();
                int j = eq + 2; // past ="
                for (; line.charAt(j) != '"'; j++) {
                    if (line.charAt(j) == '\\') {
                        j++;
                    }
                    value.append(line.charAt(j));
                }
                labels.put(line.substring(i, eq), value.toString());
                i = line.charAt(j + 1) == ',' ? j + 2 : j + 1;
            }
            samples.add(new Sample(line.substring(0, brace), labels, number(line.substring(split + 1))));
        }
        return samples;
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace("Inf", "Infinity"));
    }
}
