package io.closewatch.agent.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The agent's settings. Each key may come from the agent arguments ({@code key=value,key=value}), a system
 * property {@code closewatch.<key>} or an environment variable {@code CLOSEWATCH_<KEY>} (dots as underscores),
 * in that order of
 * precedence. A wrong value is reported once, naming the key, and the default is used: configuration mistakes
 * must never stop the host.
 */
public final class AgentConfig {
    public static final String PORT = "port";
    public static final String HOST = "host";
    public static final String RELEASE = "release";
    public static final String APPLICATION = "application";
    public static final String MAX_CODES = "max.codes";
    public static final String MAX_ENDPOINTS = "max.endpoints";
    public static final String AUTH_USERNAME = "auth.username";
    public static final String AUTH_PASSWORD = "auth.password";
    public static final String TLS_KEYSTORE = "tls.keystore";
    public static final String TLS_KEYSTORE_PASSWORD = "tls.keystore.password";
    public static final String REQUEST_TIMEOUT = "request.timeout";

    /** Not used by Prometheus (9090-9093), node exporter (9100), the JMX exporter (9404) nor OpenTelemetry (9464). */
    public static final int DEFAULT_PORT = 9469;
    public static final String DEFAULT_HOST = "0.0.0.0";
    /** Distinct codes beyond 1000-1015 with their own series, per api, side and endpoint. */
    public static final int DEFAULT_MAX_CODES = 100;
    /** Distinct endpoints with their own series, per api and side. */
    public static final int DEFAULT_MAX_ENDPOINTS = 500;
    /** Seconds a client of the metrics endpoint has to send its request (and finish a TLS handshake). */
    public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 5;

    private static final String[] KEYS = {PORT, HOST, RELEASE, APPLICATION, MAX_CODES, MAX_ENDPOINTS, AUTH_USERNAME,
        AUTH_PASSWORD, TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD, REQUEST_TIMEOUT};

    private final int port;
    private final String host;
    private final String release;
    private final String application;
    private final int maxCodes;
    private final int maxEndpoints;
    private final int requestTimeoutSeconds;
    private final Map<String, String> endpointSecurity;

    private AgentConfig(int port, String host, String release, String application, int maxCodes, int maxEndpoints,
                        int requestTimeoutSeconds, Map<String, String> endpointSecurity) {
        this.port = port;
        this.host = host;
        this.release = release;
        this.application = application;
        this.maxCodes = maxCodes;
        this.maxEndpoints = maxEndpoints;
        this.requestTimeoutSeconds = requestTimeoutSeconds;
        this.endpointSecurity = endpointSecurity;
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
        return new AgentConfig(
                integer(settings.get(PORT), DEFAULT_PORT, 0, 65535, "a port number", problems),
                settings.containsKey(HOST) ? settings.get(HOST).value : DEFAULT_HOST,
                settings.containsKey(RELEASE) ? settings.get(RELEASE).value : null,
                settings.containsKey(APPLICATION) ? settings.get(APPLICATION).value : null,
                integer(settings.get(MAX_CODES), DEFAULT_MAX_CODES, 1, 65536, "a limit", problems),
                integer(settings.get(MAX_ENDPOINTS), DEFAULT_MAX_ENDPOINTS, 1, 1_000_000, "a limit", problems),
                integer(settings.get(REQUEST_TIMEOUT), DEFAULT_REQUEST_TIMEOUT_SECONDS, 1, 300, "a number of seconds",
                        problems),
                valuesOf(settings, AUTH_USERNAME, AUTH_PASSWORD, TLS_KEYSTORE, TLS_KEYSTORE_PASSWORD));
    }

    /** This configuration, with the host's release and application where none was configured. */
    public AgentConfig withHostDefaults(HostDefaults defaults) {
        return new AgentConfig(port, host, release != null ? release : defaults.release(),
                application != null ? application : defaults.application(), maxCodes, maxEndpoints,
                requestTimeoutSeconds, endpointSecurity);
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
