package okhttp3;

/** Stands in for OkHttp's listener type in the fast hook tests: the hooks apply where a loader can see it. */
public abstract class WebSocketListener {
}
