package org.apache.tomcat.websocket;

import jakarta.websocket.CloseReason;

/** Stands in for Tomcat's session in the fast hook tests: where it closes, sending one code and telling another. */
public class WsSession {
    /** Tomcat's idle timeout calls this with 1001 sent and 1006 told to the application. */
    public void doClose(CloseReason sent, CloseReason toldTheApplication) {
    }
}
