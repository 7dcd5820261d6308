package io.closewatch.agent.instrumentation.netty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import net.bytebuddy.asm.Advice;

/** {@code WebSocketClientHandshaker.finishHandshake(channel, response)}, returning: a client session to its URI. */
public final class ClientOpenAdvice {
    private ClientOpenAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void opened(@Advice.This WebSocketClientHandshaker handshaker, @Advice.Argument(0) Channel channel) {
        CloseWatchBridge.opened(channel, Api.NETTY, null, null, handshaker.uri());
    }
}
