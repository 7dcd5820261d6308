package io.closewatch.containers.host;

import java.net.URI;

/**
 * The container's own WebSocket client, as the scenarios drive it. Each call opens one session to {@code target},
 * ends it as named, and returns once the client was told the session ended.
 */
interface ContainerClient extends AutoCloseable {
    /** The client closes with {@code code}. */
    void close(URI target, int code) throws Exception;

    /** The client asks the server to close with {@code code} (see {@link ServerEndpoints#obey}). */
    void askServerToClose(URI target, int code) throws Exception;

    /** The client takes at most {@link ServerEndpoints#SMALL_MESSAGE_LIMIT} characters and asks for four times more. */
    void receiveTooBig(URI target) throws Exception;

    /**
     * The client asks the server for a short message, on which its message handler throws; its error callback then
     * closes with 1011 if the session is still open, as careful clients do.
     */
    void failOnMessage(URI target) throws Exception;

    /** Stops what the client started; some keep non-daemon threads until stopped. */
    @Override
    default void close() throws Exception {
    }
}
