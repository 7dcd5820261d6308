package io.closewatch.agent.core;

/** Which side started the close. The labels are a public contract. */
public enum Initiator {
    /** This side sent the first close frame, or aborted the connection. */
    LOCAL("local"),
    /** The peer's close frame came first. */
    REMOTE("remote"),
    /** The connection ended with no close frame from either side. */
    NONE("none");

    private static final Initiator[] VALUES = values();

    private final String label;

    Initiator(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Initiator byOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}
