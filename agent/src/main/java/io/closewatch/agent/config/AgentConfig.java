package io.closewatch.agent.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The agent's settings. Each key may come from the agent arguments ({@code key=value,key=value}), a system
 * property {@code closewatch.<key>} or an environment variable {@code CLOSEWATCH_<KEY>} (dots as underscores),
 * in that order of precedence; for the OTLP push, OpenTelemetry's SDK variables ({@code OTEL_EXPORTER_OTLP_*},
 * {@code OTEL_RESOURCE_ATTRIBUTES}, {@code OTEL_SERVICE_NAME}) come after those. A wrong value is reported once,
 * naming the key, and the default is used: configuration mistakes must never stop the host.
 */
public final class AgentConfig {
    public static final String PORT = "port";
    public static final String HOST = "host";
    public static final String RELEASE = "release";
    public static final String APPLICATION = "application";
    public static final String MAX_CODES = "max.codes";
    public static final String MAX_ENDPOINTS = "max.endpoints";
    public static final String MAX_CAUSES = "max.causes";
    public static final String AUTH_USERNAME = "auth.username";
    public static final String AUTH_PASSWORD = "auth.password";
    public static final String TLS_KEYSTORE = "tls.keystore";
    public static final String TLS_KEYSTORE_PASSWORD = "tls.keystore.password";
    public static final String REQUEST_TIMEOUT = "request.timeout";
    public static final String EXPORT = "export";
    public static final String OTLP_URL = "otlp.url";
    public static final String OTLP_STEP = "otlp.step";
    public static final String OTLP_HEADERS = "otlp.headers";
    public static final String ENABLED = "enabled";
    public static final String STACKS_DISABLED = "stacks.disabled";
    public static final String DEBUG_DUMP = "debug.dump";

    /** Not used by Prometheus (9090-9093), node exporter (9100), the JMX exporter (9404) nor OpenTelemetry (9464). */
    public static final int DEFAULT_PORT = 9469;
    public static final String DEFAULT_HOST = "0.0.0.0";
    /** Distinct codes beyond 1000-1015 with their own series, per api, side and endpoint. */
    public static final int DEFAULT_MAX_CODES = 100;
    /** Distinct endpoints with their own series, per api and side. */
    public static final int DEFAULT_MAX_ENDPOINTS = 500;
    /** Distinct causes with their own series, per api, side and endpoint. */
    public static final int DEFAULT_MAX_CAUSES = 20;
    /** Seconds a client of the metrics endpoint has to send its request (and finish a TLS handshake). */
    public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 5;
    /** An OpenTelemetry Collector's OTLP/HTTP receiver on the same machine (or pod), as OpenTelemetry's SDKs assume. */
    public static final URI DEFAULT_OTLP_URL = URI.create("http://localhost:4318/v1/metrics");
    public static final int DEFAULT_OTLP_STEP_SECONDS = 60;

    private static final String[] KEYS = {PORT, HOST, RELEASE, APPLICATION, MAX_CODES, MAX_ENDPOINTS, MAX_CAUSES,
        AUTH_USERNAME, AUTH_PASSWORD, TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD, REQUEST_TIMEOUT, EXPORT, OTLP_URL, OTLP_STEP,
        OTLP_HEADERS, ENABLED, STACKS_DISABLED, DEBUG_DUMP};

    private final int port;
    private final String host;
    private final String release;
    private final String application;
    private final int maxCodes;
    private final int maxEndpoints;
    private final int maxCauses;
    private final int requestTimeoutSeconds;
    private final Map<String, String> endpointSecurity;
    private final Set<Export> exports;
    private final Otlp otlp;
    private final Switches switches;

    /** Where the meters go: any of them, together. */
    public enum Export {
        /** The agent's own endpoint, {@code /metrics} on {@code host:port}. */
        PROMETHEUS,
        /** The application's own Micrometer registries ({@code Metrics.globalRegistry}); no port. */
        HOST,
        /** Pushed by OTLP/HTTP to {@code otlp.url}. */
        OTLP;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Where and how often OTLP is pushed, and what the resource says.
     *
     * @param headers            sent with every push (authentication, tenant); values are secrets, never logged
     * @param resourceAttributes from {@code OTEL_RESOURCE_ATTRIBUTES}, as given
     * @param serviceName        {@code OTEL_SERVICE_NAME} where {@code application} is not configured, else null
     */
    public record Otlp(URI url, int stepSeconds, Map<String, String> headers, Map<String, String> resourceAttributes,
                       String serviceName) {
    }

    /**
     * What operators switch off, and the weaver's diagnosis.
     *
     * @param enabled        false: the agent does nothing at all but say so
     * @param stacksDisabled the {@code stack} names (of {@code closewatch_stack_info}) to leave alone, as given; the
     *                       installer, which knows the stacks, names the unknown ones
     * @param stacksSource   where {@code stacks.disabled} came from, to name it; null when not set
     * @param debugDump      a directory for the class files the agent hooks, or null
     */
    public record Switches(boolean enabled, Set<String> stacksDisabled, String stacksSource, String debugDump) {
    }

    private AgentConfig(int port, String host, String release, String application, int maxCodes, int maxEndpoints,
                        int maxCauses, int requestTimeoutSeconds, Map<String, String> endpointSecurity,
                        Set<Export> exports, Otlp otlp, Switches switches) {
        this.port = port;
        this.host = host;
        this.release = release;
        this.application = application;
        this.maxCodes = maxCodes;
        this.maxEndpoints = maxEndpoints;
        this.maxCauses = maxCauses;
        this.requestTimeoutSeconds = requestTimeoutSeconds;
        this.endpointSecurity = endpointSecurity;
        this.exports = exports;
        this.otlp = otlp;
        this.switches = switches;
    }

    /** {@code enabled}, {@code stacks.disabled}, {@code debug.dump}. */
    public Switches switches() {
        return switches;
    }

    /** Where the meters go; never empty. */
    public Set<Export> exports() {
        return exports;
    }

    public boolean exportsTo(Export export) {
        return exports.contains(export);
    }

    public Otlp otlp() {
        return otlp;
    }

    /** The value of one of the auth.* or tls.* keys, or null when it is not set. */
    public String endpointSecurity(String key) {
        return endpointSecurity.get(key);
    }

    public int maxCodes() {
        return maxCodes;
    }

    public int maxEndpoints() {
        return maxEndpoints;
    }

    public int maxCauses() {
        return maxCauses;
    }

    public int requestTimeoutSeconds() {
        return requestTimeoutSeconds;
    }

    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    public String release() {
        return release;
    }

    public String application() {
        return application;
    }

    /**
     * @param agentArgs  the {@code -javaagent:...=} string, may be null
     * @param properties system properties
     * @param environment environment variables
     * @param defaults   where release and application come from when nobody set them
     * @param problems   receives one readable line per ignored argument or value
     */
    public static AgentConfig resolve(String agentArgs, Map<?, ?> properties, Map<String, String> environment,
                                      HostDefaults defaults, Consumer<String> problems) {
        return resolve(agentArgs, properties, environment, problems).withHostDefaults(defaults);
    }

    /**
     * As {@link #resolve(String, Map, Map, HostDefaults, Consumer)}, but leaves the release and application unset
     * (null) unless configured: their defaults take reading the host's jar, which is not for {@code premain}. This
     * is pure parsing, cheap enough for the host's start-up path, so that every problem is reported before the
     * host's {@code main} can exit.
     */
    public static AgentConfig resolve(String agentArgs, Map<?, ?> properties, Map<String, String> environment,
                                      Consumer<String> problems) {
        Map<String, String> args = parseArguments(agentArgs, problems);
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (String key : KEYS) {
            Setting setting = args.containsKey(key) ? new Setting(args.get(key), "agent argument '" + key + "'")
                    : properties.get("closewatch." + key) != null
                    ? new Setting(String.valueOf(properties.get("closewatch." + key)),
                            "system property 'closewatch." + key + "'")
                    : environment.get(environmentName(key)) != null
                    ? new Setting(environment.get(environmentName(key)),
                            "environment variable '" + environmentName(key) + "'")
                    : null;
            if (setting == null) {
                continue;
            }
            if (setting.value.isEmpty()) {
                problems.accept("Closewatch: " + setting.source + " is empty; using the default");
                continue;
            }
            settings.put(key, setting);
        }
        Setting serviceName = openTelemetry(environment, "OTEL_SERVICE_NAME");
        return new AgentConfig(
                integer(settings.get(PORT), DEFAULT_PORT, 0, 65535, "a port number", problems),
                settings.containsKey(HOST) ? settings.get(HOST).value : DEFAULT_HOST,
                settings.containsKey(RELEASE) ? settings.get(RELEASE).value : null,
                settings.containsKey(APPLICATION) ? settings.get(APPLICATION).value : null,
                integer(settings.get(MAX_CODES), DEFAULT_MAX_CODES, 1, 65536, "a limit", problems),
                integer(settings.get(MAX_ENDPOINTS), DEFAULT_MAX_ENDPOINTS, 1, 1_000_000, "a limit", problems),
                integer(settings.get(MAX_CAUSES), DEFAULT_MAX_CAUSES, 1, 1000, "a limit", problems),
                integer(settings.get(REQUEST_TIMEOUT), DEFAULT_REQUEST_TIMEOUT_SECONDS, 1, 300, "a number of seconds",
                        problems),
                valuesOf(settings, AUTH_USERNAME, AUTH_PASSWORD, TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD),
                exports(settings.get(EXPORT), problems),
                new Otlp(otlpUrl(settings.containsKey(OTLP_URL) ? settings.get(OTLP_URL)
                        : openTelemetryUrl(environment), problems),
                        integer(settings.get(OTLP_STEP), DEFAULT_OTLP_STEP_SECONDS, 1, 86_400, "a number of seconds",
                                problems),
                        pairs(settings.containsKey(OTLP_HEADERS) ? settings.get(OTLP_HEADERS)
                                : openTelemetry(environment, "OTEL_EXPORTER_OTLP_METRICS_HEADERS",
                                        "OTEL_EXPORTER_OTLP_HEADERS"), "headers", problems),
                        pairs(openTelemetry(environment, "OTEL_RESOURCE_ATTRIBUTES"), "resource attributes", problems),
                        settings.containsKey(APPLICATION) || serviceName == null ? null : serviceName.value),
                new Switches(bool(settings.get(ENABLED), true, problems), stacks(settings.get(STACKS_DISABLED)),
                        settings.containsKey(STACKS_DISABLED) ? settings.get(STACKS_DISABLED).source : null,
                        settings.containsKey(DEBUG_DUMP) ? settings.get(DEBUG_DUMP).value : null));
    }

    private static boolean bool(Setting setting, boolean fallback, Consumer<String> problems) {
        if (setting == null) {
            return fallback;
        }
        String value = setting.value.toLowerCase(Locale.ROOT);
        if (value.equals("true") || value.equals("false")) {
            return value.equals("true");
        }
        problems.accept("Closewatch: " + setting.source + " is '" + setting.value + "', not true or false; using "
                + fallback);
        return fallback;
    }

    /** {@code netty+okhttp}: names joined by {@code +}, blanks ignored. */
    private static Set<String> stacks(Setting setting) {
        Set<String> stacks = new java.util.LinkedHashSet<>();
        if (setting != null) {
            for (String part : setting.value.split("\\+")) {
                if (!part.isBlank()) {
                    stacks.add(part.trim());
                }
            }
        }
        return Collections.unmodifiableSet(stacks);
    }

    /** This configuration, with the host's release and application where none was configured. */
    public AgentConfig withHostDefaults(HostDefaults defaults) {
        return new AgentConfig(port, host, release != null ? release : defaults.release(),
                application != null ? application : defaults.application(), maxCodes, maxEndpoints,
                maxCauses, requestTimeoutSeconds, endpointSecurity, exports, otlp, switches);
    }

    /** {@code prometheus+otlp}: each part once, in any order; one unknown part and the whole value is the default. */
    private static Set<Export> exports(Setting setting, Consumer<String> problems) {
        Set<Export> defaults = Collections.unmodifiableSet(EnumSet.of(Export.PROMETHEUS));
        if (setting == null) {
            return defaults;
        }
        Set<Export> exports = EnumSet.noneOf(Export.class);
        for (String part : setting.value.split("\\+", -1)) {
            Export export = null;
            for (Export known : Export.values()) {
                if (known.label().equals(part.trim().toLowerCase(Locale.ROOT))) {
                    export = known;
                }
            }
            if (export == null) {
                problems.accept("Closewatch: " + setting.source + " is '" + setting.value + "': '" + part.trim()
                        + "' is not one of prometheus, host, otlp (joined by +); using prometheus");
                return defaults;
            }
            exports.add(export);
        }
        return Collections.unmodifiableSet(exports);
    }

    private static URI otlpUrl(Setting setting, Consumer<String> problems) {
        if (setting == null) {
            return DEFAULT_OTLP_URL;
        }
        try {
            URI url = new URI(setting.value);
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        problems.accept("Closewatch: " + setting.source + " is '" + setting.value + "', not an http or https URL "
                + "with a host; using " + DEFAULT_OTLP_URL);
        return DEFAULT_OTLP_URL;
    }

    /**
     * The first of OpenTelemetry's SDK environment variables {@code names} that is set and not blank, or null: the
     * OTLP settings an OpenTelemetry-managed pod carries, used where the agent's own keys are not set.
     */
    private static Setting openTelemetry(Map<String, String> environment, String... names) {
        for (String name : names) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return new Setting(value, "environment variable '" + name + "'");
            }
        }
        return null;
    }

    /** {@code OTEL_EXPORTER_OTLP_METRICS_ENDPOINT} as it is, else {@code OTEL_EXPORTER_OTLP_ENDPOINT} + /v1/metrics. */
    private static Setting openTelemetryUrl(Map<String, String> environment) {
        Setting metrics = openTelemetry(environment, "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT");
        if (metrics != null) {
            return metrics;
        }
        Setting base = openTelemetry(environment, "OTEL_EXPORTER_OTLP_ENDPOINT");
        return base == null ? null : new Setting(base.value.replaceAll("/+$", "") + "/v1/metrics", base.source);
    }

    /**
     * {@code name=value,name=value}, values percent-decoded, as OpenTelemetry's {@code OTEL_EXPORTER_OTLP_HEADERS} and
     * {@code OTEL_RESOURCE_ATTRIBUTES}. The agent arguments are split at commas, so more than one header is given by
     * system property or environment. A malformed entry drops them all (sending half the credentials helps nobody);
     * values are never echoed.
     *
     * @param what what the pairs are, to name them when they are dropped
     */
    private static Map<String, String> pairs(Setting setting, String what, Consumer<String> problems) {
        if (setting == null) {
            return Map.of();
        }
        try {
            return NameValuePairs.parse(setting.value);
        } catch (NameValuePairs.MalformedException e) {
            problems.accept("Closewatch: " + setting.source + " has a " + e.getMessage() + "; sending no " + what);
            return Map.of();
        }
    }

    private static Map<String, String> valuesOf(Map<String, Setting> settings, String... keys) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : keys) {
            if (settings.containsKey(key)) {
                values.put(key, settings.get(key).value);
            }
        }
        return values;
    }

    /** {@code max.codes} becomes {@code CLOSEWATCH_MAX_CODES}. */
    static String environmentName(String key) {
        return "CLOSEWATCH_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    /** A value and where it came from, to name that place when the value is wrong. */
    private static final class Setting {
        final String value;
        final String source;

        Setting(String value, String source) {
            this.value = value.trim();
            this.source = source;
        }
    }

    static Map<String, String> parseArguments(String agentArgs, Consumer<String> problems) {
        Map<String, String> args = new LinkedHashMap<>();
        if (agentArgs == null || agentArgs.isBlank()) {
            return args;
        }
        for (String part : agentArgs.split(",")) {
            String item = part.trim();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                problems.accept("Closewatch: ignoring agent argument '" + item + "': expected key=value");
                continue;
            }
            String key = item.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = item.substring(eq + 1).trim();
            if (!isKnownKey(key)) {
                problems.accept("Closewatch: ignoring unknown agent argument '" + key + "'; known keys are "
                        + String.join(", ", KEYS));
                continue;
            }
            if (value.isEmpty()) {
                problems.accept("Closewatch: agent argument '" + key + "' is empty; using the default");
                continue;
            }
            args.put(key, value);
        }
        return args;
    }

    private static boolean isKnownKey(String key) {
        for (String known : KEYS) {
            if (known.equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static int integer(Setting setting, int fallback, int min, int max, String what,
                               Consumer<String> problems) {
        if (setting == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(setting.value);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.accept("Closewatch: " + setting.source + " is '" + setting.value + "', not " + what + " (" + min
                + "-" + max + "); using " + fallback);
        return fallback;
    }
}
