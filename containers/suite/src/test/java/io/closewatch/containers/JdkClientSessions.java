package io.closewatch.containers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions of a JDK client in the test's own JVM (no agent there), against an application under test. */
final class JdkClientSessions {
    private JdkClientSessions() {
    }

    /**
     * Opens a session, ends it with {@code ending}, and waits until the client is told it ended (an abort tells it
     * nothing: the test then waits for the server's count).
     */
    static void session(HttpClient client, String uri, Consumer<WebSocket> ending) throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        WebSocket webSocket = client.newWebSocketBuilder().buildAsync(URI.create(uri), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                closed.countDown();
                return null;
            }

            @Override
            public void onError(WebSocket socket, Throwable error) {
                closed.countDown();
            }
        }).get(10, TimeUnit.SECONDS);
        ending.accept(webSocket);
        assertTrue(webSocket.isInputClosed() && webSocket.isOutputClosed() || closed.await(10, TimeUnit.SECONDS),
                "the session ended: " + uri);
    }
}
