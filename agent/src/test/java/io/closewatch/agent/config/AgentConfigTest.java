package io.closewatch.agent.config;

import org.junit.jupiter.api.Test;

import io.closewatch.agent.config.AgentConfig.Export;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentConfigTest {
    private static final HostDefaults DEFAULTS = new HostDefaults("9.9.9", "chat-server");
    private final List<String> problems = new ArrayList<>();

    private AgentConfig resolve(String args, Map<String, String> properties, Map<String, String> environment) {
        return AgentConfig.resolve(args, properties, environment, DEFAULTS, problems::add);
    }

    @Test
    void defaultsWhenNothingIsSet() {
        AgentConfig config = resolve(null, Map.of(), Map.of());
        assertEquals(AgentConfig.DEFAULT_PORT, config.port());
        assertEquals("0.0.0.0", config.host());
        assertEquals("9.9.9", config.release());
        assertEquals("chat-server", config.application());
        assertEquals(List.of(), problems);
    }

    @Test
    void agentArgumentsWinOverSystemPropertiesWhichWinOverTheEnvironment() {
        AgentConfig config = resolve("release=from-args",
                Map.of("closewatch.release", "from-property", "closewatch.application", "from-property"),
                Map.of("CLOSEWATCH_RELEASE", "from-env", "CLOSEWATCH_APPLICATION", "from-env",
                        "CLOSEWATCH_PORT", "9999", "CLOSEWATCH_HOST", "127.0.0.1"));
        assertEquals("from-args", config.release());
        assertEquals("from-property", config.application());
        assertEquals(9999, config.port());
        assertEquals("127.0.0.1", config.host());
        assertEquals(List.of(), problems);
    }

    @Test
    void keysAreTrimmedAndCaseInsensitive() {
        AgentConfig config = resolve(" Port = 1234 , RELEASE=1.0 ", Map.of(), Map.of());
        assertEquals(1234, config.port());
        assertEquals("1.0", config.release());
    }

    @Test
    void aMalformedArgumentIsReportedAndTheRestStillApplies() {
        AgentConfig config = resolve("release,port=1234", Map.of(), Map.of());
        assertEquals(1234, config.port());
        assertEquals("9.9.9", config.release());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("'release'") && problems.get(0).contains("key=value"), problems.get(0));
    }

    @Test
    void anUnknownKeyIsReportedByName() {
        resolve("prot=1234", Map.of(), Map.of());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).contains("'prot'"), problems.get(0));
    }

    @Test
    void anEmptyValueIsReportedAndTheDefaultUsed() {
        AgentConfig config = resolve("release=", Map.of("closewatch.application", "  "), Map.of());
        assertEquals("9.9.9", config.release());
        assertEquals("chat-server", config.application());
        assertEquals(2, problems.size(), problems.toString());
    }

    @Test
    void labelCapsAreConfigurableAndCheckedForRange() {
        AgentConfig config = resolve("max.codes=10", Map.of("closewatch.max.causes", "1000"),
                Map.of("CLOSEWATCH_MAX_ENDPOINTS", "40"));
        assertEquals(10, config.maxCodes());
        assertEquals(40, config.maxEndpoints());
        assertEquals(1000, config.maxCauses());
        assertEquals(List.of(), problems);
        assertEquals(AgentConfig.DEFAULT_MAX_CAUSES, resolve(null, Map.of(), Map.of()).maxCauses());
        AgentConfig wrong = resolve("max.codes=0,max.endpoints=lots,max.causes=1001", Map.of(), Map.of());
        assertEquals(AgentConfig.DEFAULT_MAX_CODES, wrong.maxCodes());
        assertEquals(AgentConfig.DEFAULT_MAX_ENDPOINTS, wrong.maxEndpoints());
        assertEquals(20, wrong.maxCauses());
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("'max.codes'") && problems.get(1).contains("'max.endpoints'")
                && problems.get(2).contains("'max.causes'"), problems.toString());
    }

    @Test
    void aBadPortIsReportedWithItsSourceAndTheDefaultUsed() {
        for (String port : new String[] {"http", "-1", "65536", "99999999999"}) {
            problems.clear();
            AgentConfig config = resolve("port=" + port, Map.of(), Map.of());
            assertEquals(AgentConfig.DEFAULT_PORT, config.port(), port);
            assertEquals(1, problems.size(), port);
            assertTrue(problems.get(0).contains("agent argument 'port'") && problems.get(0).contains(port),
                    problems.get(0));
        }
        problems.clear();
        resolve(null, Map.of(), Map.of("CLOSEWATCH_PORT", "x"));
        assertTrue(problems.get(0).contains("environment variable 'CLOSEWATCH_PORT'"), problems.get(0));
    }

    @Test
    void theRequestTimeoutIsSecondsWithinItsRange() {
        assertEquals(AgentConfig.DEFAULT_REQUEST_TIMEOUT_SECONDS, resolve(null, Map.of(), Map.of())
                .requestTimeoutSeconds());
        assertEquals(2, resolve("request.timeout=2", Map.of(), Map.of()).requestTimeoutSeconds());
        assertEquals(List.of(), problems);
        for (String bad : new String[] {"0", "301", "2s"}) {
            assertEquals(AgentConfig.DEFAULT_REQUEST_TIMEOUT_SECONDS, resolve("request.timeout=" + bad, Map.of(),
                    Map.of()).requestTimeoutSeconds());
        }
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(2).contains("'request.timeout' is '2s'"), problems.get(2));
    }

    /** What premain resolves: every problem, but no host defaults, whose reading is left for later. */
    @Test
    void resolvedWithoutHostDefaultsTheReleaseAndApplicationWaitForThem() {
        AgentConfig parsed = AgentConfig.resolve("portt=1,release=2.0", Map.of(), Map.of(), problems::add);
        assertEquals("2.0", parsed.release());
        assertEquals(null, parsed.application());
        assertEquals(1, problems.size(), problems.toString());
        AgentConfig config = parsed.withHostDefaults(DEFAULTS);
        assertEquals("2.0", config.release());
        assertEquals("chat-server", config.application());
        assertEquals(parsed.port(), config.port());
    }

    @Test
    void theExportsAreJoinedByPlusAndPrometheusIsTheDefault() {
        assertEquals(Set.of(Export.PROMETHEUS), resolve(null, Map.of(), Map.of()).exports());
        assertEquals(Set.of(Export.HOST), resolve("export=host", Map.of(), Map.of()).exports());
        assertEquals(Set.of(Export.PROMETHEUS, Export.OTLP, Export.HOST),
                resolve("export= Prometheus + otlp+host ", Map.of(), Map.of()).exports());
        assertEquals(Set.of(Export.OTLP), resolve(null, Map.of(), Map.of("CLOSEWATCH_EXPORT", "otlp")).exports());
        assertEquals(List.of(), problems);
    }

    @Test
    void aMisspelledExportIsNamedAndTheDefaultUsed() {
        for (String bad : List.of("promethus", "prometheus+otlpp", "host+", "+")) {
            problems.clear();
            AgentConfig config = resolve("export=" + bad, Map.of(), Map.of());
            assertEquals(Set.of(Export.PROMETHEUS), config.exports(), bad);
            assertEquals(1, problems.size(), bad);
            assertTrue(problems.get(0).contains("agent argument 'export' is '" + bad + "'")
                    && problems.get(0).contains("using prometheus"), problems.get(0));
        }
    }

    @Test
    void theOtlpSettingsHaveDefaultsAndAreChecked() {
        AgentConfig.Otlp defaults = resolve(null, Map.of(), Map.of()).otlp();
        assertEquals(URI.create("http://localhost:4318/v1/metrics"), defaults.url());
        assertEquals(60, defaults.stepSeconds());
        assertEquals(Map.of(), defaults.headers());

        AgentConfig.Otlp set = resolve("otlp.url=https://collector.example:4318/v1/metrics,otlp.step=15", Map.of(),
                Map.of()).otlp();
        assertEquals(URI.create("https://collector.example:4318/v1/metrics"), set.url());
        assertEquals(15, set.stepSeconds());
        assertEquals(List.of(), problems);

        for (String bad : List.of("otlp.url=localhost:4318", "otlp.url=ftp://x/y", "otlp.url=http://[bad",
                "otlp.step=0", "otlp.step=ten", "otlp.step=86401")) {
            problems.clear();
            AgentConfig.Otlp otlp = resolve(bad, Map.of(), Map.of()).otlp();
            assertEquals(defaults, otlp, bad);
            assertEquals(1, problems.size(), bad);
            assertTrue(problems.get(0).contains("agent argument '" + bad.substring(0, bad.indexOf('=')) + "'"),
                    problems.get(0));
        }
    }

    @Test
    void otlpHeadersAreNameValuePairsWithPercentEncodedValues() {
        AgentConfig.Otlp otlp = resolve(null, Map.of(), Map.of("CLOSEWATCH_OTLP_HEADERS",
                "Authorization=Bearer a+b/c%3D%3D, X-Scope-OrgID = tenant%2C1")).otlp();
        assertEquals(Map.of("Authorization", "Bearer a+b/c==", "X-Scope-OrgID", "tenant,1"), otlp.headers());
        assertEquals(List.of(), problems);
    }

    /** The variables an OpenTelemetry-managed pod carries, where the agent's own keys are not set. */
    @Test
    void otlpFollowsOpenTelemetrysEnvironmentWhereItsOwnKeysAreNotSet() {
        Map<String, String> pod = Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector.monitoring:4318/",
                "OTEL_EXPORTER_OTLP_HEADERS", "Authorization=Bearer%20t1",
                "OTEL_RESOURCE_ATTRIBUTES",
                "k8s.pod.name=chat-7d9f,k8s.namespace.name=prod,service.instance.id=chat-7d9f",
                "OTEL_SERVICE_NAME", "chat");
        AgentConfig.Otlp otlp = resolve(null, Map.of(), pod).otlp();
        assertEquals(URI.create("http://collector.monitoring:4318/v1/metrics"), otlp.url());
        assertEquals(Map.of("Authorization", "Bearer t1"), otlp.headers());
        assertEquals(Map.of("k8s.pod.name", "chat-7d9f", "k8s.namespace.name", "prod", "service.instance.id",
                "chat-7d9f"), otlp.resourceAttributes());
        assertEquals("chat", otlp.serviceName());

        // The signal's own variables win over the general ones.
        Map<String, String> signal = new java.util.HashMap<>(pod);
        signal.put("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "https://metrics.example/otlp");
        signal.put("OTEL_EXPORTER_OTLP_METRICS_HEADERS", "X-Scope-OrgID=t2");
        otlp = resolve(null, Map.of(), signal).otlp();
        assertEquals(URI.create("https://metrics.example/otlp"), otlp.url());
        assertEquals(Map.of("X-Scope-OrgID", "t2"), otlp.headers());

        // The agent's own keys win over all of them; a configured application is the service's name.
        otlp = resolve("otlp.url=http://own:4318/v1/metrics,application=chat-service",
                Map.of("closewatch.otlp.headers", "X-Own=1"), signal).otlp();
        assertEquals(URI.create("http://own:4318/v1/metrics"), otlp.url());
        assertEquals(Map.of("X-Own", "1"), otlp.headers());
        assertEquals(null, otlp.serviceName());
        assertEquals(List.of(), problems);
    }

    @Test
    void aMalformedResourceAttributeDropsThemAllAndSaysWhere() {
        AgentConfig.Otlp otlp = resolve(null, Map.of(), Map.of("OTEL_RESOURCE_ATTRIBUTES", "k8s.pod.name")).otlp();
        assertEquals(Map.of(), otlp.resourceAttributes());
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("environment variable 'OTEL_RESOURCE_ATTRIBUTES'")
                && problems.get(0).contains("sending no resource attributes"), problems.get(0));
    }

    @Test
    void aMalformedHeaderDropsThemAllWithoutEchoingAValue() {
        for (String bad : List.of("Authorization=Bearer secret,novalue", "Bad Name=secret", "=secret",
                "Authorization=secret%zz")) {
            problems.clear();
            AgentConfig.Otlp otlp = resolve(null, Map.of("closewatch.otlp.headers", bad), Map.of()).otlp();
            assertEquals(Map.of(), otlp.headers(), bad);
            assertEquals(1, problems.size(), bad);
            assertTrue(problems.get(0).contains("system property 'closewatch.otlp.headers'")
                    && problems.get(0).contains("sending no headers") && !problems.get(0).contains("secret"),
                    problems.get(0));
        }
    }

    @Test
    void theSwitchesDefaultToOnNothingDisabledNoDump() {
        AgentConfig.Switches switches = resolve(null, Map.of(), Map.of()).switches();
        assertEquals(new AgentConfig.Switches(true, Set.of(), null, null), switches);
    }

    @Test
    void theSwitchesFromEachSource() {
        AgentConfig.Switches switches = resolve("enabled=FALSE,stacks.disabled=netty+ okhttp +",
                Map.of("closewatch.debug.dump", "/tmp/woven"), Map.of()).switches();
        assertEquals(false, switches.enabled());
        assertEquals(List.of("netty", "okhttp"), List.copyOf(switches.stacksDisabled()));
        assertEquals("agent argument 'stacks.disabled'", switches.stacksSource());
        assertEquals("/tmp/woven", switches.debugDump());
        assertEquals(List.of(), problems);
        assertEquals(false, resolve(null, Map.of(), Map.of("CLOSEWATCH_ENABLED", "false")).switches().enabled());
    }

    @Test
    void anEnabledThatIsNoBooleanIsNamedAndTheAgentStaysOn() {
        assertEquals(true, resolve("enabled=off", Map.of(), Map.of()).switches().enabled());
        assertEquals(List.of("Closewatch: agent argument 'enabled' is 'off', not true or false; using true"), problems);
    }
}
