package io.closewatch.agent.export;

import io.closewatch.agent.config.AgentConfig;
import io.closewatch.agent.config.BuildInfo;
import io.micrometer.core.instrument.Clock;
import io.micrometer.registry.otlp.AggregationTemporality;
import io.micrometer.registry.otlp.HistogramFlavor;
import io.micrometer.registry.otlp.OtlpConfig;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.micrometer.registry.otlp.OtlpMetricsSender;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import org.slf4j.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code export=otlp}: Micrometer's OTLP registry, pushing every {@code otlp.step} seconds on a daemon thread of its
 * own. Sums and histograms are cumulative, so a push that fails loses nothing: the next one carries every count, and
 * nothing queues up meanwhile (each push is the current state, whose size the label caps bound). Failures never
 * reach the host: each kind is logged once and counted in {@code closewatch_agent_errors_total{reason}}.
 */
public final class OtlpExport {
    /** Reasons in {@code closewatch_agent_errors_total}. */
    public static final String UNREACHABLE = "otlp_unreachable";
    public static final String REJECTED = "otlp_rejected";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private OtlpExport() {
    }

    /**
     * The resource of this JVM's pushes: the attributes OpenTelemetry's environment gives
     * ({@code OTEL_RESOURCE_ATTRIBUTES}: {@code k8s.pod.name} and friends), {@code service.name} (the configured
     * application, else {@code OTEL_SERVICE_NAME}, else the derived application), {@code service.version} (the release)
     * and {@code service.instance.id} (as given, else a random UUID: replicas of one service are each a resource of
     * their own, whose cumulative sums a Collector does not merge).
     */
    static Map<String, String> resource(AgentConfig.Otlp settings, String application, String release) {
        Map<String, String> resource = new LinkedHashMap<>(settings.resourceAttributes());
        resource.put("service.name", settings.serviceName() != null ? settings.serviceName() : application);
        resource.put("service.version", release);
        resource.putIfAbsent("service.instance.id", UUID.randomUUID().toString());
        return resource;
    }

    /**
     * Starts pushing. The application and release are the resource's {@code service.name} (unless
     * {@code OTEL_SERVICE_NAME} names it and {@code application} is not configured) and {@code service.version}, as
     * well as labels of every series.
     *
     * @param failures counts one failure by its reason
     */
    public static OtlpMeterRegistry start(AgentConfig.Otlp settings, String application, String release, Logger log,
                                          Consumer<String> failures) {
        Map<String, String> resource = resource(settings, application, release); // one instance id for the JVM
        OtlpConfig config = new OtlpConfig() {
            @Override
            public String get(String key) {
                return null; // every setting below; none from OpenTelemetry's environment variables
            }

            @Override
            public String url() {
                return settings.url().toString();
            }

            @Override
            public Duration step() {
                return Duration.ofSeconds(settings.stepSeconds());
            }

            @Override
            public Map<String, String> headers() {
                return settings.headers();
            }

            @Override
            public Map<String, String> resourceAttributes() {
                return resource;
            }

            @Override
            public AggregationTemporality aggregationTemporality() {
                return AggregationTemporality.CUMULATIVE;
            }

            @Override
            public HistogramFlavor histogramFlavor() {
                return HistogramFlavor.EXPLICIT_BUCKET_HISTOGRAM;
            }

            @Override
            public TimeUnit baseTimeUnit() {
                return TimeUnit.SECONDS; // as the Prometheus endpoint, and OpenTelemetry's conventions, have it
            }
        };
        return OtlpMeterRegistry.builder(config)
                .clock(Clock.SYSTEM)
                .threadFactory(runnable -> {
                    Thread thread = new Thread(runnable, "closewatch-otlp");
                    thread.setDaemon(true);
                    return thread;
                })
                .metricsSender(new Sender(settings.url(), log, failures))
                .build();
    }

    /**
     * Posts one push; never throws, so that Micrometer does not log every failed push as well. Runs on the push
     * thread only, bounded by its timeouts.
     */
    /**
     * What produced the data, in OpenTelemetry's resource attributes: Micrometer's OTLP registry (whose own
     * {@code telemetry.sdk.name} is its package name, relocated in the agent's jar), in Closewatch.
     */
    static final Map<String, String> TELEMETRY = Map.of("telemetry.sdk.name",
            String.join(".", "io", "micrometer"), // not a constant: the jar's relocation would rewrite that one too
            "telemetry.sdk.language", "java", "telemetry.sdk.version", BuildInfo.micrometerVersion(),
            "telemetry.distro.name", "closewatch", "telemetry.distro.version", BuildInfo.agentVersion());

    /** The push with {@link #TELEMETRY} in place of the registry's own {@code telemetry.*} resource attributes. */
    static byte[] withTelemetry(byte[] push) throws IOException {
        ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.parseFrom(push).toBuilder();
        for (ResourceMetrics.Builder metrics : request.getResourceMetricsBuilderList()) {
            Resource.Builder resource = metrics.getResourceBuilder();
            List<KeyValue> attributes = new ArrayList<>();
            for (KeyValue attribute : resource.getAttributesList()) {
                if (!attribute.getKey().startsWith("telemetry.")) {
                    attributes.add(attribute);
                }
            }
            new TreeMap<>(TELEMETRY).forEach((key, value) -> attributes.add(KeyValue.newBuilder().setKey(key)
                    .setValue(AnyValue.newBuilder().setStringValue(value)).build()));
            resource.clearAttributes().addAllAttributes(attributes);
        }
        return request.build().toByteArray();
    }

    static final class Sender implements OtlpMetricsSender {
        private final URI url;
        private final Logger log;
        private final Consumer<String> failures;
        private final Set<String> logged = ConcurrentHashMap.newKeySet();

        Sender(URI url, Logger log, Consumer<String> failures) {
            this.url = url;
            this.log = log;
            this.failures = failures;
        }

        @Override
        public void send(Request request) {
            int status;
            try {
                status = post(request);
            } catch (IOException | RuntimeException e) {
                failed(UNREACHABLE, e.toString());
                return;
            }
            if (status < 200 || status > 299) {
                failed(REJECTED, "HTTP " + status);
            }
        }

        private int post(Request request) throws IOException {
            HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
            try {
                connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
                connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
                connection.setRequestMethod("POST");
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/x-protobuf");
                request.getHeaders().forEach(connection::setRequestProperty);
                byte[] body = withTelemetry(request.getMetricsData());
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
                int status = connection.getResponseCode();
                try (InputStream in = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                    if (in != null) {
                        in.readAllBytes();
                    }
                }
                return status;
            } finally {
                connection.disconnect();
            }
        }

        private void failed(String reason, String detail) {
            failures.accept(reason);
            if (logged.add(reason)) {
                log.warn("Closewatch cannot push OTLP metrics to {} ({}); the application is unaffected and, as the "
                        + "sums are cumulative, no count is lost once the receiver takes them again. Later failures "
                        + "of this kind are only counted in closewatch_agent_errors_total{reason=\"{}\"}", url,
                        detail, reason);
            }
        }
    }
}
