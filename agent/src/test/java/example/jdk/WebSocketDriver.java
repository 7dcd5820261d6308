package example.jdk;

/** What a hook test does to the stand-in of the JDK's WebSocket, through a type of the test's own loader. */
public interface WebSocketDriver {
    /** The JDK sends a close frame (the application's, its automatic echo, or its own 1002). */
    void sendsClose(int code);

    /** The peer's close frame arrived; 1006 when the stream ended without one. */
    void receivesClose(int code);

    void abort();

    /** The listener is about to get {@code onClose}. */
    void tellsListenerClosed();

    /** The listener is about to get {@code onError}. */
    void tellsListenerFailed();
}
