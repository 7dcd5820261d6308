package io.closewatch.agent.instrumentation.netty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.closewatch.agent.core.CloseCodes;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import net.bytebuddy.asm.Advice;

/**
 * {@code WebSocket08FrameEncoder.encode(ctx, frame, out)}: a close frame this side puts on the wire, whoever wrote
 * it (the application, the protocol handler's echo, the decoder rejecting a frame).
 */
public final class CloseSentAdvice {
    private CloseSentAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closeSent(@Advice.Argument(0) ChannelHandlerContext context, @Advice.Argument(1) Object frame) {
        if (frame instanceof CloseWebSocketFrame) {
            int code = ((CloseWebSocketFrame) frame).statusCode();
            CloseWatchBridge.closeSent(context.channel(), Api.NETTY, code == -1 ? CloseCodes.NO_STATUS : code);
            CloseWatchBridge.endsHere(context.channel()); // sent while Netty's idle timer fires: why it ends
        }
    }
}
