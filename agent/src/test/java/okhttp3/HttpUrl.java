package okhttp3;

/** Stands in for OkHttp's URL in the fast hook tests: what the hook reads of a client's target. */
public final class HttpUrl {
    private final boolean https;
    private final String host;
    private final int port;

    public HttpUrl(boolean https, String host, int port) {
        this.https = https;
        this.host = host;
        this.port = port;
    }

    public boolean isHttps() {
        return https;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
