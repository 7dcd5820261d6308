package io.closewatch.agent.instrumentation.netty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * {@code IdleStateHandler.channelIdle(context, event)}: Netty's idle timer fires its event through the pipeline, and
 * the handler that takes it ends the session there and then, on this thread, with a close frame or by closing the
 * channel ({@link CloseSentAdvice}, {@link ChannelCloseAdvice}): the session ends by idle timeout.
 */
public final class IdleTimerAdvice {
    private IdleTimerAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object runs() {
        return CloseWatchBridge.idleTimerRuns();
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void done(@Advice.Enter Object replaced) {
        CloseWatchBridge.endingDone(replaced);
    }
}
