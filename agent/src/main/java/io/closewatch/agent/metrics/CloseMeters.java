package io.closewatch.agent.metrics;

import io.closewatch.agent.core.Labels;
import io.closewatch.agent.core.Side;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.distribution.pause.NoPauseDetector;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All of the agent's meters. The application and release labels are the registry's common tags
 * ({@link #labelled}), so every series carries them, the agent's own included. Label values that come from outside
 * (endpoint templates, close codes, causes) are capped: past the caps they are counted as {@code other}, and each such
 * close or session is counted in {@code closewatch_labels_capped_total{label}}. Totals stay exact.
 */
public final class CloseMeters {
    private final MeterRegistry registry;
    private final int maxCodes;
    private final int maxEndpoints;
    private final int maxCauses;
    private final Counter codesCapped;
    private final Counter endpointsCapped;
    private final Counter causesCapped;
    private final ConcurrentHashMap<String, EndpointMeters> endpoints = new ConcurrentHashMap<>();
    /** Per implementation (a package): few, as each is a class of the host's that holds the accept GUID. */
    private final ConcurrentHashMap<String, Counter> uncountedHandshakes = new ConcurrentHashMap<>();
    /** Distinct endpoints per api and side; guarded by {@code this}. */
    private final Map<String, Integer> distinctEndpoints = new HashMap<>();

    /**
     * @param maxCodes     distinct codes outside 1000-1015 with a series of their own, per api, side and endpoint
     * @param maxEndpoints distinct endpoints with series of their own, per api and side
     * @param maxCauses    distinct causes with series of their own, per api, side and endpoint
     */
    public CloseMeters(MeterRegistry registry, String agentVersion, int maxCodes, int maxEndpoints, int maxCauses) {
        this.registry = registry;
        this.maxCodes = maxCodes;
        this.maxEndpoints = maxEndpoints;
        this.maxCauses = maxCauses;
        this.codesCapped = capped(registry, Labels.CODE);
        this.endpointsCapped = capped(registry, Labels.ENDPOINT);
        this.causesCapped = capped(registry, Labels.CAUSE);
        Gauge.builder(MetricNames.AGENT_INFO, () -> 1)
                .description("Closewatch agent build information")
                .tag(Labels.VERSION, agentVersion)
                .strongReference(true)
                .register(registry);
    }

    /** A Prometheus registry as the agent's endpoint serves it: {@link #labelled}. */
    public static PrometheusMeterRegistry newRegistry(String application, String release) {
        return labelled(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), application, release);
    }

    /**
     * {@code registry}, every meter of it labelled with {@code application} and {@code release}. Micrometer's default
     * pause detector (LatencyUtils) would add work to every timed close and a thread to the host; session lifetimes
     * need no coordinated-omission correction.
     */
    public static <R extends MeterRegistry> R labelled(R registry, String application, String release) {
        registry.config().commonTags(Labels.APPLICATION, application, Labels.RELEASE, release)
                .pauseDetector(new NoPauseDetector());
        return registry;
    }

    /**
     * {@code closewatch_stack_info{stack, counted} 1}: this JVM loaded {@code stack}, and the agent counts its closes
     * or not. Registering it again changes nothing; registering it with the other {@code counted} replaces it (a stack
     * found not counted after all: a hook that failed in a later class).
     */
    public synchronized void stackSeen(String stack, boolean counted) {
        Gauge opposite = registry.find(MetricNames.STACK_INFO).tag(Labels.STACK, stack)
                .tag(Labels.COUNTED, Boolean.toString(!counted)).gauge();
        if (opposite != null) {
            registry.remove(opposite);
        }
        Gauge.builder(MetricNames.STACK_INFO, () -> 1)
                .description("WebSocket stacks this JVM loaded, and whether Closewatch counts their closes")
                .tag(Labels.STACK, stack)
                .tag(Labels.COUNTED, Boolean.toString(counted))
                .strongReference(true)
                .register(registry);
    }

    /**
     * The {@code implementation} label of the class {@code className} (binary name): its package, or the class itself
     * in the unnamed package.
     */
    public static String implementationOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(0, dot);
    }

    /**
     * {@code closewatch_handshakes_uncounted_total{implementation}}: a handshake of a WebSocket implementation no
     * module counts, named by its package.
     */
    public void handshakeUncounted(String implementation) {
        Counter counter = uncountedHandshakes.get(implementation);
        if (counter == null) {
            counter = uncountedHandshakes.computeIfAbsent(implementation, name ->
                    Counter.builder(MetricNames.HANDSHAKES_UNCOUNTED)
                            .description("Opening handshakes of WebSocket implementations Closewatch does not count")
                            .tag(Labels.IMPLEMENTATION, name)
                            .register(registry));
        }
        counter.increment();
    }

    /** The meters of one endpoint, created the first time it is asked for, or those of "other" past the cap. */
    public EndpointMeters endpoint(String api, Side side, String endpoint) {
        String key = key(api, side, endpoint);
        EndpointMeters meters = endpoints.get(key);
        return meters != null ? meters : admit(api, side, endpoint, key);
    }

    private synchronized EndpointMeters admit(String api, Side side, String endpoint, String key) {
        EndpointMeters meters = endpoints.get(key);
        if (meters != null) {
            return meters;
        }
        String apiAndSide = api + '\n' + side.label();
        int distinct = distinctEndpoints.getOrDefault(apiAndSide, 0);
        if (distinct >= maxEndpoints) {
            endpointsCapped.increment();
            // Past the cap: nothing is kept for the endpoint, so its name costs no memory either.
            return endpoints.computeIfAbsent(key(api, side, Labels.OTHER),
                    k -> create(api, side, Labels.OTHER));
        }
        distinctEndpoints.put(apiAndSide, distinct + 1);
        meters = create(api, side, endpoint);
        endpoints.put(key, meters);
        return meters;
    }

    private EndpointMeters create(String api, Side side, String endpoint) {
        return new EndpointMeters(registry, Tags.of(Labels.API, api, Labels.SIDE, side.label(),
                Labels.ENDPOINT, endpoint), maxCodes, codesCapped, maxCauses, causesCapped);
    }

    private static String key(String api, Side side, String endpoint) {
        return api + '\n' + side.label() + '\n' + endpoint;
    }

    private static Counter capped(MeterRegistry registry, String label) {
        return Counter.builder(MetricNames.LABELS_CAPPED)
                .description("Closes (code, cause) or sessions (endpoint) counted under \"other\" past a label cap")
                .tag(Labels.LABEL, label)
                .register(registry);
    }
}
