package io.closewatch.agent.instrumentation.netty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/**
 * {@code AbstractChannel.AbstractUnsafe.close(promise)}, where every close of a channel begins (it goes inactive, and
 * the session ends, a little later): closed while Netty's idle timer fires ({@link IdleTimerAdvice}), a session's
 * channel ends by idle timeout.
 */
public final class ChannelCloseAdvice {
    private ChannelCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closing(@Advice.FieldValue("this$0") Object channel) {
        CloseWatchBridge.endsHere(channel);
    }
}
