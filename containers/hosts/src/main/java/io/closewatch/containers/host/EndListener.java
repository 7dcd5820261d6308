package io.closewatch.containers.host;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;

/** A JDK client listener that counts a latch down when the session ends, whether by close or by error. */
final class EndListener implements WebSocket.Listener {
    private final CountDownLatch ended;

    EndListener(CountDownLatch ended) {
        this.ended = ended;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        ended.countDown();
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        ended.countDown();
    }
}
