package okhttp3;

/** Stands in for OkHttp's request in the fast hook tests: its URL, which OkHttp keeps as http(s). */
public final class Request {
    private final HttpUrl url;

    public Request(HttpUrl url) {
        this.url = url;
    }

    public HttpUrl url() {
        return url;
    }
}
