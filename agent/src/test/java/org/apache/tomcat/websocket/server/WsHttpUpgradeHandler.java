package org.apache.tomcat.websocket.server;

/**
 * Stands in for Tomcat's server-side upgrade handler in the fast hook tests: the field and the methods the agent
 * hooks, for Tomcat 10+ ({@code jakarta}) and Tomcat 9 ({@code javax}).
 */
public class WsHttpUpgradeHandler {
    private final Object wsSession;

    public WsHttpUpgradeHandler(Object wsSession) {
        this.wsSession = wsSession;
    }

    /** Tomcat fails the session and sends this close (a message too big, a protocol error, or 1006 for an I/O error). */
    public void close(jakarta.websocket.CloseReason reason) {
    }

    public void close(javax.websocket.CloseReason reason) {
    }
}
