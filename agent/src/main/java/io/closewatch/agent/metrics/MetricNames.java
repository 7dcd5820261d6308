package io.closewatch.agent.metrics;

/**
 * Meter names. Prometheus sees them with dots as underscores and unit and type suffixes added. Their labels are
 * in {@link io.closewatch.agent.core.Labels}.
 */
public final class MetricNames {
    /** {@code websocket_closes_total} */
    public static final String CLOSES = "websocket.closes";
    /** {@code websocket_close_causes_total} */
    public static final String CLOSE_CAUSES = "websocket.close.causes";
    /** {@code websocket_session_duration_seconds} */
    public static final String SESSION_DURATION = "websocket.session.duration";
    /** {@code websocket_sessions_active} */
    public static final String SESSIONS_ACTIVE = "websocket.sessions.active";
    /** {@code closewatch_labels_capped_total} */
    public static final String LABELS_CAPPED = "closewatch.labels.capped";
    /** {@code closewatch_agent_info} */
    public static final String AGENT_INFO = "closewatch.agent.info";
    /** {@code closewatch_stack_info} */
    public static final String STACK_INFO = "closewatch.stack.info";
    /** {@code closewatch_handshakes_uncounted_total} */
    public static final String HANDSHAKES_UNCOUNTED = "closewatch.handshakes.uncounted";
    /** {@code closewatch_agent_errors_total} */
    public static final String AGENT_ERRORS = "closewatch.agent.errors";

    private MetricNames() {
    }
}
