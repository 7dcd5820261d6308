package io.closewatch.agent.instrumentation.netty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.netty.channel.ChannelHandlerContext;
import net.bytebuddy.asm.Advice;

/**
 * {@code AbstractChannelHandlerContext.invokeExceptionCaught(cause)}: a handler of a channel is told something went
 * wrong ({@code exceptionCaught}), whether the transport fired it (a reset) or a handler threw; the cause of the
 * session on the channel, if it was one. Called once per handler the exception passes: the first report stays.
 */
public final class ErrorAdvice {
    private ErrorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.This ChannelHandlerContext context, @Advice.Argument(0) Throwable cause) {
        CloseWatchBridge.errorReported(context.channel(), cause);
    }
}
