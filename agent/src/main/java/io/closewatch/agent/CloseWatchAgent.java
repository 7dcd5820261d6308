package io.closewatch.agent;

import io.closewatch.agent.config.AgentConfig;
import io.closewatch.agent.startup.BootstrapBridge;

import java.lang.instrument.Instrumentation;
import java.util.function.Consumer;

/**
 * Entry point for {@code -javaagent} and for attaching to a running JVM. It reads the configuration, puts the bridge
 * into the bootstrap class loader and hands over: nothing here may touch the bridge class itself (nor load a class
 * whose verification would), or the application class loader would define a second copy of it before the bootstrap
 * one exists.
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
            // Parsed on the host's start-up path (pure parsing, no I/O), so that a mistake in it is reported even if
            // the host exits at once.
            AgentConfig config = AgentConfig.resolve(agentArgs, System.getProperties(), System.getenv(),
                    new Consumer<String>() { // no lambda: each costs the JVM a generated class on the start-up path
                        @Override
                        public void accept(String problem) {
                            EarlyLines.warn(problem);
                        }
                    });
            if (!config.switches().enabled()) {
                // And nothing else: no bridge, no transformer, no thread, no class of the agent's but these.
                EarlyLines.info("Closewatch " + EarlyLines.agentVersion() + " is disabled (enabled=false): it "
                        + "instruments no class, opens no port and starts no thread");
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
