package example.jdk;

import java.net.URI;

/**
 * Stands in for {@code jdk.internal.net.http.websocket.WebSocketImpl}, whose package the JDK owns: the hook test
 * loads it renamed to that name. The members the agent hooks, with the JDK's signatures (JDK 17 and 25).
 */
public class WebSocketImpl implements WebSocketDriver {
    private final URI uri;

    public WebSocketImpl(URI uri, String subprotocol) {
        this.uri = uri;
    }

    private void sendClose0(int code, String reason) {
    }

    private void signalClose(int code, String reason) {
    }

    @Override
    public void abort() {
    }

    @Override
    public void sendsClose(int code) {
        sendClose0(code, "");
    }

    @Override
    public void receivesClose(int code) {
        signalClose(code, "");
    }

    @Override
    public void tellsListenerClosed() {
        new ReceiveTask().processClose();
    }

    @Override
    public void tellsListenerFailed() {
        new ReceiveTask().processError();
    }

    /** Uses its outer instance, so that javac keeps the {@code this$0} field the hook reads, as the JDK's has. */
    private final class ReceiveTask {
        private void processClose() {
            uri.getClass();
        }

        private void processError() {
            uri.getClass();
        }
    }
}
