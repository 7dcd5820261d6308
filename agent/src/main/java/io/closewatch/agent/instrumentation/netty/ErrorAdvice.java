package io.closewatch.agent.instrumentation.netty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.netty.channel.ChannelPipeline;
import net.bytebuddy.asm.Advice;

/**
 * {@code DefaultChannelPipeline.fireExceptionCaught(cause)}: what the application's handlers are told went wrong on a
 * channel ({@code exceptionCaught}); the cause of the session on it, if it was one.
 */
public final class ErrorAdvice {
    private ErrorAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void failed(@Advice.This ChannelPipeline pipeline, @Advice.Argument(0) Throwable cause) {
        CloseWatchBridge.errorReported(pipeline.channel(), cause);
    }
}
