package org.apache.tomcat.websocket;

import java.io.IOException;

/** Stands in for Tomcat's exception that carries the close frame its client sends. */
public class WsIOException extends IOException {
    public WsIOException(String message) {
        super(message);
    }
}
