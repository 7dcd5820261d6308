package io.closewatch.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * Lines the agent says on the host's start-up path, before its logger may run: on standard error at once, in the
 * logger's format. JDK types only, and nothing of the bridge: this runs before the bridge is in the bootstrap loader
 * (or, with {@code enabled=false}, instead of it).
 */
final class EarlyLines {
    private EarlyLines() {
    }

    static void warn(String line) {
        say("WARN", line);
    }

    static void info(String line) {
        say("INFO", line);
    }

    private static void say(String level, String line) {
        System.err.println("[" + Thread.currentThread().getName() + "] " + level + " io.closewatch.agent - " + line);
    }

    /** The agent's version, from its jar. */
    static String agentVersion() {
        try (InputStream in = EarlyLines.class.getResourceAsStream("closewatch.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
