package io.closewatch.agent.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The agent's settings. Each key may come from the agent arguments ({@code key=value,key=value}), a system
 * property {@code closewatch.<key>} or an environment variable {@code CLOSEWATCH_<KEY>}, in that order of
 * precedence. A wrong value is reported once, naming the key, and the default is used: configuration mistakes
 * must never stop the host.
 */
public final class AgentConfig {
    public static final String PORT = "port";
    public static final String HOST = "host";
    public static final String RELEASE = "release";
    public static final String APPLICATION = "application";

    /** Not used by Prometheus (9090-9093), node exporter (9100), the JMX exporter (9404) nor OpenTelemetry (9464). */
    public static final int DEFAULT_PORT = 9469;
    public static final String DEFAULT_HOST = "0.0.0.0";

    private static final String[] KEYS = {PORT, HOST, RELEASE, APPLICATION};

    private final int port;
    private final String host;
    private final String release;
    private final String application;

    private AgentConfig(int port, String host, String release, String application) {
        this.port = port;
        this.host = host;
        this.release = release;
        this.application = application;
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
        Map<String, String> args = parseArguments(agentArgs, problems);
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : KEYS) {
            String value = args.get(key);
            String source = "agent argument '" + key + "'";
            if (value == null && properties.get("closewatch." + key) != null) {
                value = String.valueOf(properties.get("closewatch." + key));
                source = "system property 'closewatch." + key + "'";
            }
            String envName = "CLOSEWATCH_" + key.toUpperCase(Locale.ROOT);
            if (value == null && environment.get(envName) != null) {
                value = environment.get(envName);
                source = "environment variable '" + envName + "'";
            }
            if (value != null) {
                value = value.trim();
                if (value.isEmpty()) {
                    problems.accept("Closewatch: " + source + " is empty; using the default");
                    continue;
                }
                values.put(key, value);
                values.put(key + ".source", source);
            }
        }
        int port = parsePort(values.get(PORT), values.get(PORT + ".source"), problems);
        String host = values.getOrDefault(HOST, DEFAULT_HOST);
        String release = values.containsKey(RELEASE) ? values.get(RELEASE) : defaults.release();
        String application = values.containsKey(APPLICATION) ? values.get(APPLICATION) : defaults.application();
        return new AgentConfig(port, host, release, application);
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

    private static int parsePort(String value, String source, Consumer<String> problems) {
        if (value == null) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.accept("Closewatch: " + source + " is '" + value + "', not a port number (0-65535); using "
                + DEFAULT_PORT);
        return DEFAULT_PORT;
    }
}
