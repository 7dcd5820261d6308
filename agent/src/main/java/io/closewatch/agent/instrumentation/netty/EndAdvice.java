package io.closewatch.agent.instrumentation.netty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.netty.channel.ChannelPipeline;
import net.bytebuddy.asm.Advice;

/**
 * {@code DefaultChannelPipeline.fireChannelInactive()}: a channel is closed; it ends the session if it was one. Every
 * close frame either way passes the codec's hooks.
 */
public final class EndAdvice {
    private EndAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void ended(@Advice.This ChannelPipeline pipeline) {
        CloseWatchBridge.endedIfSeen(pipeline.channel(), Api.NETTY, true);
    }
}
