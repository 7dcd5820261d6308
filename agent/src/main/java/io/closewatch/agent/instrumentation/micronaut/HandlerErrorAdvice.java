package io.closewatch.agent.instrumentation.micronaut;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.netty.channel.ChannelHandlerContext;
import net.bytebuddy.asm.Advice;

/**
 * {@code AbstractNettyWebSocketHandler.messageProcessingException(context, cause)} and {@code handleUnexpected}: a
 * Micronaut WebSocket method threw. Micronaut catches it inside its own dispatch, before Netty's
 * {@code exceptionCaught}, and hands it to {@code @OnError} or closes with 1011: the cause of the channel's session.
 */
public final class HandlerErrorAdvice {
    private HandlerErrorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.Argument(0) ChannelHandlerContext context, @Advice.Argument(1) Throwable cause) {
        if (context != null) {
            CloseWatchBridge.errorReported(context.channel(), cause);
        }
    }
}
