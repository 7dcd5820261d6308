package example.jetty;

/** An application's endpoint of Jetty's own API that acts as it is told its session opened. */
public final class OnOpen {
    /** What the endpoint does then. */
    public interface Action {
        void run() throws Exception;
    }

    private final Action action;

    public OnOpen(Action action) {
        this.action = action;
    }

    public void onWebSocketOpen(Object session) throws Exception {
        action.run();
    }
}
