package org.springframework.web.socket.server.standard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.websocket.server.ServerEndpointConfig;

import java.util.Map;

/** Stands in for Spring 6.2's upgrade strategy in the fast hook tests: the method its Undertow strategy overrides. */
public class StandardWebSocketUpgradeStrategy {
    protected void upgradeHttpToWebSocket(HttpServletRequest request, HttpServletResponse response,
                                          ServerEndpointConfig endpointConfig, Map<String, String> pathParams) {
    }

    /** What Spring's handshake handler calls; the hooked method is protected. */
    public void upgrade(HttpServletRequest request, ServerEndpointConfig endpointConfig) {
        upgradeHttpToWebSocket(request, null, endpointConfig, Map.of());
    }
}
