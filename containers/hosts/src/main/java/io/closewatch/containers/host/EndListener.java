package io.closewatch.containers.host;

import java.net.http.WebSocket;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;

/**
 * A JDK client listener that counts a latch down when the session ends, whether by close or by error; if asked, it
 * throws on a text message, as a listener with a bug does.
 */
final class EndListener implements WebSocket.Listener {
    private final CountDownLatch ended;
    private final boolean throwsOnText;

    EndListener(CountDownLatch ended) {
        this(ended, false);
    }

    EndListener(CountDownLatch ended, boolean throwsOnText) {
        this.ended = ended;
        this.throwsOnText = throwsOnText;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (throwsOnText) {
            throw new IllegalStateException("the listener fails, as asked");
        }
        return WebSocket.Listener.super.onText(webSocket, data, last);
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
