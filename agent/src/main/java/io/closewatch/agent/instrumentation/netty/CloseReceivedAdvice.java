package io.closewatch.agent.instrumentation.netty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.closewatch.agent.core.CloseCodes;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import net.bytebuddy.asm.Advice;

import java.util.List;

/**
 * {@code WebSocket08FrameDecoder.decode(ctx, in, out)}: the call that sets {@code receivedClosingHandshake} has just
 * added the peer's close frame to {@code out} (one with an invalid body throws instead, and is the decoder's 1002).
 */
public final class CloseReceivedAdvice {
    private CloseReceivedAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean closedBefore(@Advice.FieldValue("receivedClosingHandshake") boolean received) {
        return received;
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void closeReceived(@Advice.Enter boolean closedBefore,
                              @Advice.FieldValue("receivedClosingHandshake") boolean received,
                              @Advice.Argument(0) ChannelHandlerContext context, @Advice.Argument(2) List<Object> out) {
        if (!closedBefore && received && !out.isEmpty() && out.get(out.size() - 1) instanceof CloseWebSocketFrame) {
            int code = ((CloseWebSocketFrame) out.get(out.size() - 1)).statusCode();
            CloseWatchBridge.closeReceived(context.channel(), Api.NETTY, code == -1 ? CloseCodes.NO_STATUS : code);
        }
    }
}
