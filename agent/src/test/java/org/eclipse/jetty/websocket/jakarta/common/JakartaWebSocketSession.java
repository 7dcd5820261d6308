package org.eclipse.jetty.websocket.jakarta.common;

import example.websocket.jakarta.ChatSession;
import jakarta.websocket.EndpointConfig;

/**
 * Stands in for Jetty 11's jakarta session in the fast hook tests: made with the constructor's shape (container, core
 * session, frame handler, endpoint configuration; the hook matches the argument count only).
 */
public class JakartaWebSocketSession extends ChatSession {
    public JakartaWebSocketSession(Object container, Object coreSession, Object frameHandler, EndpointConfig config) {
        super(null);
    }
}
