package io.closewatch.agent.instrumentation.reactornetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.closewatch.agent.core.CloseCodes;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import net.bytebuddy.asm.Advice;

/**
 * {@code onInboundNext(ctx, frame)}: the peer's close frame, before it is echoed; one without a code is what Reactor
 * Netty tells the application it is, 1005.
 */
public final class PeerCloseAdvice {
    private PeerCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closeReceived(@Advice.This Object session, @Advice.Argument(1) Object frame) {
        if (frame instanceof CloseWebSocketFrame && ((CloseWebSocketFrame) frame).isFinalFragment()) {
            int code = ((CloseWebSocketFrame) frame).statusCode();
            CloseWatchBridge.closeReceived(session, Api.REACTOR_NETTY, code == -1 ? CloseCodes.NO_STATUS : code);
        }
    }
}
