package io.javalin.websocket;

/**
 * Stands in for Javalin 7's Jetty listener of one session in the fast hook tests: the route it matched, and the
 * open Jetty calls (the hook matches the argument count only, so Jetty's session is an Object here).
 */
public final class WsConnection {
    private final WsHandlerEntry endpointHandler;

    public WsConnection(String route) {
        this.endpointHandler = route == null ? null : new WsHandlerEntry(route);
    }

    public void onWebSocketOpen(Object session) {
    }
}
