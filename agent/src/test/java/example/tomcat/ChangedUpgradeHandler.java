package example.tomcat;

import jakarta.websocket.CloseReason;

/**
 * Tomcat's upgrade handler as a later version might have it: the field the hook reads is renamed. The hook test
 * loads it under Tomcat's class name.
 */
public class ChangedUpgradeHandler {
    private final Object session;
    private CloseReason sent;

    public ChangedUpgradeHandler(Object session) {
        this.session = session;
    }

    public void close(CloseReason reason) {
        sent = reason;
    }

    public CloseReason sent() {
        return sent;
    }
}
