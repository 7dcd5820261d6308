package io.closewatch.agent.gate;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
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
    private final Map<String, String> headers;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param credentials {@code user:password}, or null
     * @param headers     sent with every request (a bearer token, a tenant); they replace a Basic authorization
     */
    PrometheusCloses(URI base, String credentials, Map<String, String> headers) {
        this.base = base;
        this.headers = headers;
        this.authorization = credentials == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    /** The PromQL of one release's closes per code. */
    static String query(String application, String release, String window, String side, String endpoint) {
        return "sum by (code) (increase(websocket_closes_total{" + selector(application, release, side, endpoint)
                + "}[" + window + "]))";
    }

    /** The PromQL of one release's closes with {@code code}, per cause. */
    static String causesQuery(String application, String release, String window, String side, String endpoint,
                              String code) {
        return "sum by (cause) (increase(websocket_close_causes_total{"
                + selector(application, release, side, endpoint) + ",code=" + quoted(code) + "}[" + window + "]))";
    }

    private static String selector(String application, String release, String side, String endpoint) {
        StringBuilder selector = new StringBuilder("application=").append(quoted(application))
                .append(",release=").append(quoted(release));
        if (side != null) {
            selector.append(",side=").append(quoted(side));
        }
        if (endpoint != null) {
            selector.append(",endpoint=").append(quoted(endpoint));
        }
        return selector.toString();
    }

    /** The closes {@code query} counts, by code. */
    CloseMix closes(String query, String time) throws QueryException {
        return counts(query, time, "code");
    }

    /** The closes {@code query} counts, by {@code label}. */
    CloseMix counts(String query, String time, String label) throws QueryException {
        return mix(label, get("/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&time="
                + URLEncoder.encode(time, StandardCharsets.UTF_8)));
    }

    /**
     * The values {@code label} has on the closes series of {@code application} (all applications: null), over
     * Prometheus's whole retention, sorted: what a release or an application that has no closes could have been.
     */
    @SuppressWarnings("unchecked")
    List<String> closesLabelValues(String label, String application) throws QueryException {
        String series = application == null ? "websocket_closes_total"
                : "websocket_closes_total{application=" + quoted(application) + "}";
        Object values = data(get("/api/v1/label/" + label + "/values?match[]="
                + URLEncoder.encode(series, StandardCharsets.UTF_8)));
        List<String> sorted = new ArrayList<>((List<String>) values);
        Collections.sort(sorted);
        return sorted;
    }

    /** The answer to a GET of the HTTP API at {@code pathAndQuery}, parsed, and the HTTP status. */
    private Answer get(String pathAndQuery) throws QueryException {
        String url = base.toString().replaceAll("/+$", "") + pathAndQuery;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) {
            request.setHeader("Authorization", authorization);
        }
        headers.forEach(request::setHeader);
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
                    + "); set CLOSEWATCH_PROMETHEUS_AUTH=user:password or CLOSEWATCH_PROMETHEUS_HEADERS="
                    + "Authorization=Bearer%20<token>");
        }
        try {
            return new Answer(Json.parse(response.body()), response.statusCode());
        } catch (IllegalArgumentException e) {
            throw new QueryException("Prometheus at " + base + " answered HTTP " + response.statusCode()
                    + " with no API answer (is it Prometheus?)");
        }
    }

    private record Answer(Object body, int status) {
    }

    /** The {@code data} of a successful answer. */
    @SuppressWarnings("unchecked")
    private static Object data(Answer answer) throws QueryException {
        Object body = answer.body();
        if (!(body instanceof Map) || !"success".equals(((Map<String, Object>) body).get("status"))) {
            Object error = body instanceof Map ? ((Map<String, Object>) body).get("error") : null;
            throw new QueryException("Prometheus refused the query (HTTP " + answer.status() + "): " + error);
        }
        return ((Map<String, Object>) body).get("data");
    }

    @SuppressWarnings("unchecked")
    private static CloseMix mix(String label, Answer answer) throws QueryException {
        Map<String, Object> data = (Map<String, Object>) data(answer);
        Map<String, Long> counts = new TreeMap<>();
        for (Object sample : (List<Object>) data.get("result")) {
            Map<String, Object> series = (Map<String, Object>) sample;
            Object labelValue = ((Map<String, Object>) series.get("metric")).get(label);
            double value = Double.parseDouble((String) ((List<Object>) series.get("value")).get(1));
            long closes = Math.round(value);
            if (labelValue != null && closes > 0) {
                counts.merge((String) labelValue, closes, Long::sum);
            }
        }
        return new CloseMix(counts);
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
