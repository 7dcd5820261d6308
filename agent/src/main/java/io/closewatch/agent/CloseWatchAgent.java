package io.closewatch.agent;

import io.closewatch.agent.config.AgentConfig;

import java.lang.instrument.Instrumentation;

/**
 * Entry point for {@code -javaagent} and for attaching to a running JVM. It only puts the bridge into the bootstrap
 * class loader and hands over: nothing here may touch the bridge class itself, or the application class loader
 * would define a second copy of it before the bootstrap one exists.
 */
public final class CloseWatchAgent {
    private CloseWatchAgent() {
    }

    public static void premain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation, false);
    }

    public static void agentmain(String agentArgs, Instrumentation instrumentation) {
        start(agentArgs, instrumentation, true);
    }

    private static void start(String agentArgs, Instrumentation instrumentation, boolean attached) {
        try {
            AgentConfig config = AgentInstaller.configure(agentArgs);
            if (!config.switches().enabled()) {
                AgentInstaller.sayDisabled(); // and nothing else: no bridge, no transformer, no thread
                return;
            }
            Throwable bridgeUnavailable = null;
            try {
                BootstrapBridge.inject(instrumentation);
            } catch (Throwable t) {
                bridgeUnavailable = t; // the installer counts it and instruments nothing
            }
            AgentInstaller.install(config, instrumentation, bridgeUnavailable, attached);
        } catch (Throwable t) {
            // The host must start regardless; this is the one place the agent cannot count its own failure.
            System.err.println("[closewatch] The agent could not start and is disabled; the application runs "
                    + "unaffected: " + t);
        }
    }
}
