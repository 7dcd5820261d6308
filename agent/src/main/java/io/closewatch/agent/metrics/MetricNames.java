package io.closewatch.agent.metrics;

/** Meter and tag names. Prometheus sees them with dots as underscores and unit and type suffixes added. */
public final class MetricNames {
    /** {@code websocket_closes_total} */
    public static final String CLOSES = "websocket.closes";
    /** {@code websocket_session_duration_seconds} */
    public static final String SESSION_DURATION = "websocket.session.duration";
    /** {@code websocket_sessions_active} */
    public static final String SESSIONS_ACTIVE = "websocket.sessions.active";
    /** {@code closewatch_labels_capped_total} */
    public static final String LABELS_CAPPED = "closewatch.labels.capped";
    /** {@code closewatch_agent_info} */
    public static final String AGENT_INFO = "closewatch.agent.info";

    public static final String APPLICATION = "application";
    public static final String RELEASE = "release";
    public static final String API = "api";
    public static final String SIDE = "side";
    public static final String ENDPOINT = "endpoint";
    public static final String CODE = "code";
    public static final String CATEGORY = "category";
    public static final String INITIATOR = "initiator";
    public static final String VERSION = "version";

    private MetricNames() {
    }
}
