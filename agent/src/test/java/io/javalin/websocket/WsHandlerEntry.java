package io.javalin.websocket;

/** Stands in for Javalin 7's route of a WebSocket endpoint in the fast hook tests. */
public final class WsHandlerEntry {
    private final String path;

    public WsHandlerEntry(String path) {
        this.path = path;
    }

    public String getPath() {
        return path;
    }
}
