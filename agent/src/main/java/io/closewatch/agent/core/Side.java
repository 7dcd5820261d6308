package io.closewatch.agent.core;

/** Which end of the connection this JVM is. The labels are a public contract. */
public enum Side {
    SERVER("server"),
    CLIENT("client"),
    /** A session whose opening the agent did not see, of an API that has both sides. */
    UNKNOWN(Labels.UNKNOWN);

    private final String label;

    Side(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
