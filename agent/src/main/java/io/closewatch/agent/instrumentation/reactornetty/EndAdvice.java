package io.closewatch.agent.instrumentation.reactornetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;
import reactor.netty.http.websocket.WebsocketInbound;

/**
 * {@code ChannelOperations.terminate()}, which every connection's operations run once when they are done: for
 * WebSocket operations whose session the agent saw, the end. The peer's close frames are all seen.
 */
public final class EndAdvice {
    private EndAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void ended(@Advice.This Object operations) {
        if (operations instanceof WebsocketInbound) {
            CloseWatchBridge.endedIfSeen(operations, Api.REACTOR_NETTY, true);
        }
    }
}
