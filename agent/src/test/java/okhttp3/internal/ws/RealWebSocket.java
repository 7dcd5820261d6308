package okhttp3.internal.ws;

import okhttp3.Request;

/**
 * Stands in for OkHttp 5's WebSocket in the fast hook tests: the fields the hooks read and the methods they hook,
 * in the order OkHttp calls them (the reader exists from the upgrade until the reader loop ends).
 */
public final class RealWebSocket {
    private final Request originalRequest;
    private Object call;
    private Object reader;

    /** @param client whether it is a client's (it then has a call), not MockWebServer's */
    public RealWebSocket(Request originalRequest, boolean client) {
        this.originalRequest = originalRequest;
        this.call = client ? new Object() : null;
    }

    /** The upgrade succeeded. */
    public void initReaderAndWriter() {
        reader = new Object();
    }

    public void loopReader(Object response) {
    }

    public void finishReader() {
        reader = null;
    }

    public void onReadClose(int code, String reason) {
    }

    public boolean close(int code, String reason, long cancelAfterCloseMillis) {
        if (code < 1000 || code >= 5000) {
            throw new IllegalArgumentException("Code must be in range [1000,5000): " + code);
        }
        return true;
    }

    public void cancel() {
    }

    public void failWebSocket(Exception e, Object response, boolean isWriter) {
    }
}
