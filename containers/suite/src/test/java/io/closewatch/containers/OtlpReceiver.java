package io.closewatch.containers;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An OTLP/HTTP metrics receiver on 127.0.0.1, as an OpenTelemetry Collector's is: it decodes every push with
 * OpenTelemetry's own protocol classes and keeps the last one. It can go away and come back on the same port, answer
 * with an error, or hold a push unanswered until told.
 */
final class OtlpReceiver implements AutoCloseable {
    /** How the receiver answers. */
    enum Mode { ACCEPT, REJECT, HOLD }

    /** 0 until first bound: any free port, then the same one again after a stop. */
    private int port;
    private HttpServer server;
    private volatile Mode mode = Mode.ACCEPT;
    private volatile CountDownLatch held = new CountDownLatch(0);
    private volatile ExportMetricsServiceRequest last;
    private volatile int heldPushes;
    /** The resource of every push taken, as {@link #attributes} prints it. */
    private final Set<String> resources = ConcurrentHashMap.newKeySet();

    /** A receiver on any free port, which it keeps across {@link #stop} and {@link #start}. */
    OtlpReceiver() throws IOException {
        start();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/v1/metrics";
    }

    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        port = server.getAddress().getPort();
        server.createContext("/v1/metrics", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                if (mode == Mode.HOLD) {
                    heldPushes++;
                    held.await(60, TimeUnit.SECONDS);
                }
                if (mode == Mode.REJECT) {
                    exchange.sendResponseHeaders(503, -1);
                } else {
                    last = ExportMetricsServiceRequest.parseFrom(body);
                    last.getResourceMetricsList().forEach(metrics -> resources.add(attributes(metrics.getResource()
                            .getAttributesList())));
                    exchange.sendResponseHeaders(200, -1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(null);
        server.start();
    }

    /** Gone: the port refuses connections until {@link #start}. */
    void stop() {
        held.countDown();
        server.stop(0);
    }

    void answer(Mode answer) {
        if (answer == Mode.HOLD) {
            held = new CountDownLatch(1);
        }
        mode = answer;
        if (answer != Mode.HOLD) {
            held.countDown();
        }
    }

    int heldPushes() {
        return heldPushes;
    }

    ExportMetricsServiceRequest last() {
        return last;
    }

    /** The distinct resources pushes came with, once there are {@code count} (or as many as came in 15 s). */
    Set<String> awaitResources(int count) throws InterruptedException {
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (resources.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return new TreeSet<>(resources);
    }

    /**
     * The data points of the sum {@code name} in the last push, keyed by their attributes as {@link Scrape} prints
     * labels, once they equal {@code expected} or as they are after 15 s. Every sum must be cumulative and monotonic.
     */
    Map<String, Double> awaitSums(String name, Map<String, Double> expected) throws InterruptedException {
        Map<String, Double> sums = Map.of();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!sums.equals(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            sums = points(name, metric -> {
                if (!metric.hasSum()) {
                    return Map.of(); // not pushed yet
                }
                if (metric.getSum().getAggregationTemporality()
                        != AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE || !metric.getSum().getIsMonotonic()) {
                    throw new AssertionError("not a cumulative monotonic sum: " + metric);
                }
                Map<String, Double> values = new TreeMap<>();
                for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
                    values.put(attributes(point.getAttributesList()), point.getAsDouble());
                }
                return values;
            });
        }
        return sums;
    }

    /** The data points of {@code name} in the last push, as {@code read} makes them of the metric. */
    <T> T points(String name, Function<Metric, T> read) {
        ExportMetricsServiceRequest request = last;
        List<Metric> found = new ArrayList<>();
        if (request != null) {
            for (ResourceMetrics resource : request.getResourceMetricsList()) {
                for (ScopeMetrics scope : resource.getScopeMetricsList()) {
                    scope.getMetricsList().stream().filter(m -> m.getName().equals(name)).forEach(found::add);
                }
            }
        }
        if (found.size() > 1) {
            throw new AssertionError("the metric " + name + " came " + found.size() + " times in one push");
        }
        return found.isEmpty() ? read.apply(Metric.getDefaultInstance()) : read.apply(found.get(0));
    }

    static String attributes(List<KeyValue> attributes) {
        Map<String, String> labels = new TreeMap<>();
        for (KeyValue attribute : attributes) {
            labels.put(attribute.getKey(), attribute.getValue().getStringValue());
        }
        return labels.toString();
    }

    @Override
    public void close() {
        stop();
    }
}
