package io.closewatch.agent.gate;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a release's close mix from Prometheus's HTTP API: {@code websocket_closes_total}'s increase over the window
 * ending at the given time, summed over instances, per code.
 */
final class PrometheusCloses {
    /** A problem with Prometheus or the query; the message is one line for the user. */
    static final class QueryException extends Exception {
        QueryException(String message) {
            super(message);
        }
    }

    private final URI base;
    private final String authorization;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param credentials {@code user:password}, or null */
    PrometheusCloses(URI base, String credentials) {
        this.base = base;
        this.authorization = credentials == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** The PromQL of one release's closes per code. */
    static String query(String application, String release, String window, String side, String endpoint) {
        StringBuilder selector = new StringBuilder("application=").append(quoted(application))
                .append(",release=").append(quoted(release));
        if (side != null) {
            selector.append(",side=").append(quoted(side));
        }
        if (endpoint != null) {
            selector.append(",endpoint=").append(quoted(endpoint));
        }
        return "sum by (code) (increase(websocket_closes_total{" + selector + "}[" + window + "]))";
    }

    CloseMix closes(String query, String time) throws QueryException {
        String url = base.toString().replaceAll("/+$", "") + "/api/v1/query?query="
                + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&time=" + URLEncoder.encode(time,
                StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new QueryException("cannot reach Prometheus at " + base + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryException("interrupted while asking Prometheus at " + base);
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new QueryException("Prometheus at " + base + " refused the credentials (HTTP " + response.statusCode()
                    + "); set CLOSEWATCH_PROMETHEUS_AUTH=user:password");
        }
        Object answer;
        try {
            answer = Json.parse(response.body());
        } catch (IllegalArgumentException e) {
            throw new QueryException("Prometheus at " + base + " answered HTTP " + response.statusCode()
                    + " with no API answer (is it Prometheus?)");
        }
        return mix(answer, response.statusCode());
    }

    @SuppressWarnings("unchecked")
    private CloseMix mix(Object answer, int status) throws QueryException {
        if (!(answer instanceof Map) || !"success".equals(((Map<String, Object>) answer).get("status"))) {
            Object error = answer instanceof Map ? ((Map<String, Object>) answer).get("error") : null;
            throw new QueryException("Prometheus refused the query (HTTP " + status + "): " + error);
        }
        Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) answer).get("data");
        Map<String, Long> counts = new TreeMap<>();
        for (Object sample : (List<Object>) data.get("result")) {
            Map<String, Object> series = (Map<String, Object>) sample;
            Object code = ((Map<String, Object>) series.get("metric")).get("code");
            double value = Double.parseDouble((String) ((List<Object>) series.get("value")).get(1));
            long closes = Math.round(value);
            if (code != null && closes > 0) {
                counts.merge((String) code, closes, Long::sum);
            }
        }
        return new CloseMix(counts);
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
