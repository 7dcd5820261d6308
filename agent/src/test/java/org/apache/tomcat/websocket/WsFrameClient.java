package org.apache.tomcat.websocket;

/** Stands in for Tomcat's client frame reader in the fast hook tests. */
public class WsFrameClient {
    private final Object wsSession;

    public WsFrameClient(Object wsSession) {
        this.wsSession = wsSession;
    }

    /** Tomcat's client fails the session: with a close frame for a {@link WsIOException}, else without. */
    public void close(Throwable failure) {
    }
}
