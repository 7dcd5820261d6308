package io.closewatch.containers;

/**
 * The containers of the matrix, and what each reports to the application for the same thing on the wire. The agent
 * reports what the container reports, so the suite pins these differences rather than hiding them.
 */
enum Container {
    TOMCAT_11("tomcat11", "jakarta", 1000),
    TOMCAT_10("tomcat10", "jakarta", 1000);

    /** Its runtime module under containers/runtimes, and its name for the test host. */
    final String module;
    /** The {@code api} label: the WebSocket namespace it implements. */
    final String api;
    /** What the container reports for a close frame with no payload (RFC 6455: 1005). */
    final int emptyCloseFrameCode;

    Container(String module, String api, int emptyCloseFrameCode) {
        this.module = module;
        this.api = api;
        this.emptyCloseFrameCode = emptyCloseFrameCode;
    }
}
