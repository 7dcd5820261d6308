package io.closewatch.agent.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What the agent's jar was built with: its own version and the Micrometer it carries (relocated). JDK types only. */
public final class BuildInfo {
    private BuildInfo() {
    }

    public static String agentVersion() {
        return property("version");
    }

    public static String micrometerVersion() {
        return property("micrometer.version");
    }

    private static String property(String name) {
        try (InputStream in = BuildInfo.class.getResourceAsStream("closewatch.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty(name, "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
