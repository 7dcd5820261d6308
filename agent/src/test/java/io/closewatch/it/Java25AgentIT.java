package io.closewatch.it;

/** The agent scenarios with the host on Java 25. */
class Java25AgentIT extends AgentScenarios {
    @Override
    int javaFeature() {
        return 25;
    }
}
