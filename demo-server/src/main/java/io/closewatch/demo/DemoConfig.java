package io.closewatch.demo;

import java.util.Locale;
import java.util.Map;

/**
 * Settings from {@code --key=value} arguments, else {@code DEMO_<KEY>} environment variables, else defaults.
 */
record DemoConfig(String host, int port, Profile profile, int users, int durationSeconds) {
    static DemoConfig from(String[] args, Map<String, String> environment) {
        Settings settings = new Settings(args, environment);
        return new DemoConfig(
                settings.get("host", "0.0.0.0"),
                settings.integer("port", 8080, 0, 65535),
                Profile.parse(settings.get("profile", "healthy")),
                settings.integer("users", 20, 0, 10_000),
                settings.integer("duration", 0, 0, Integer.MAX_VALUE));
    }

    private static final class Settings {
        private final String[] args;
        private final Map<String, String> environment;

        Settings(String[] args, Map<String, String> environment) {
            this.args = args;
            this.environment = environment;
        }

        String get(String key, String fallback) {
            for (String arg : args) {
                if (arg.startsWith("--" + key + "=")) {
                    return arg.substring(key.length() + 3);
                }
            }
            return environment.getOrDefault("DEMO_" + key.toUpperCase(Locale.ROOT), fallback);
        }

        int integer(String key, int fallback, int min, int max) {
            String value = get(key, Integer.toString(fallback));
            try {
                int parsed = Integer.parseInt(value.trim());
                if (parsed >= min && parsed <= max) {
                    return parsed;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException(key + " must be a whole number from " + min + " to " + max + ", not '"
                    + value + "'");
        }
    }
}
