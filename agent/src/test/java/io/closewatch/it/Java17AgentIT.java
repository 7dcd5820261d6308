package io.closewatch.it;

/** The agent scenarios with the host on Java 17. */
class Java17AgentIT extends AgentScenarios {
    @Override
    int javaFeature() {
        return 17;
    }
}
