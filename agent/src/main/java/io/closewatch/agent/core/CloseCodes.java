package io.closewatch.agent.core;

/** Close codes the agent itself reasons about (RFC 6455 section 7.4.1). */
public final class CloseCodes {
    public static final int NORMAL_CLOSURE = 1000;
    public static final int NO_STATUS = 1005;
    /** Never on the wire: the connection ended without a close frame. */
    public static final int ABNORMAL_CLOSURE = 1006;
    /** Marks "no code known yet"; never a real code. */
    public static final int UNKNOWN = -1;

    private CloseCodes() {
    }

    /** 1005, 1006 and 1015 are reserved for local use and can never arrive in a close frame. */
    public static boolean neverOnTheWire(int code) {
        return code == NO_STATUS || code == ABNORMAL_CLOSURE || code == 1015;
    }
}
