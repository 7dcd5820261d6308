package io.closewatch.agent.core;

/**
 * The label vocabulary of every series the agent serves: the label names, and the values that stand for what a
 * close cannot tell. A public contract: dashboards, alerts and pipelines match on these. The values of
 * {@code api}, {@code side}, {@code initiator} and {@code category} are in {@link Api}, {@link Side},
 * {@link Initiator} and {@link CloseCategory}.
 */
public final class Labels {
    public static final String APPLICATION = "application";
    public static final String RELEASE = "release";
    public static final String API = "api";
    public static final String SIDE = "side";
    public static final String ENDPOINT = "endpoint";
    public static final String CODE = "code";
    public static final String CATEGORY = "category";
    public static final String INITIATOR = "initiator";
    /** Of {@code websocket_close_causes_total}: why the session ended ({@link CloseCauses}). */
    public static final String CAUSE = "cause";
    public static final String VERSION = "version";
    public static final String REASON = "reason";
    /** Of {@code closewatch_stack_info}: a WebSocket stack this JVM loaded. */
    public static final String STACK = "stack";
    /** Of {@code closewatch_handshakes_uncounted_total}: the package of an implementation no module counts. */
    public static final String IMPLEMENTATION = "implementation";
    /** Of {@code closewatch_stack_info}: {@code true} when the agent counts that stack's closes, else {@code false}. */
    public static final String COUNTED = "counted";
    /**
     * Of {@code closewatch_labels_capped_total}: which label was capped ({@link #CODE}, {@link #ENDPOINT} or
     * {@link #CAUSE}).
     */
    public static final String LABEL = "label";

    /** An endpoint, a code or a cause past its cap. */
    public static final String OTHER = "other";
    /** What cannot be known: the endpoint or side of a session whose opening the agent did not see. */
    public static final String UNKNOWN = "unknown";
    /** The code of a close whose code is no 16-bit number (a broken caller passed it). */
    public static final String INVALID = "invalid";

    private Labels() {
    }
}
