package io.closewatch.agent;

import io.closewatch.agent.config.BuildInfo;

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
        return BuildInfo.agentVersion();
    }
}
