package io.closewatch.agent.instrumentation.reactornetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import net.bytebuddy.asm.Advice;
import reactor.netty.Connection;

/**
 * {@code sendCloseNow(frame, status, ...)}: the first close frame of the session goes out now, and {@code status} is
 * what the application is told (an echo of the peer's frame was recorded as the peer's already). On a channel
 * already closed nothing goes out: the connection was lost, and its end says so.
 */
public final class CloseNowAdvice {
    private CloseNowAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closeSent(@Advice.This Connection session, @Advice.Argument(0) CloseWebSocketFrame frame,
                          @Advice.Argument(1) WebSocketCloseStatus status, @Advice.FieldValue("closeSent") int sent) {
        if (sent == 0 && frame.isFinalFragment() && session.channel().isActive()) {
            CloseWatchBridge.closeSent(session, Api.REACTOR_NETTY, status.code());
        }
    }
}
