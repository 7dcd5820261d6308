package io.closewatch.agent.instrumentation.reactornetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import net.bytebuddy.asm.Advice;
import reactor.netty.channel.ChannelOperations;
import reactor.netty.http.websocket.WebsocketInbound;

/**
 * Netty's {@code WebSocketClientHandshaker.finishHandshake(channel, response)}, returning: the handshake is complete.
 * When the channel's operations are Reactor Netty's WebSocket client's, its session opens, to the handshaker's URI.
 * Reactor Netty runs the application's handler right after, inside the same {@code onInboundNext}, so this is the
 * last moment before the application can close.
 */
public final class ClientOpenAdvice {
    private ClientOpenAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void opened(@Advice.This WebSocketClientHandshaker handshaker, @Advice.Argument(0) Channel channel) {
        Object session = ChannelOperations.get(channel);
        if (session instanceof WebsocketInbound) {
            CloseWatchBridge.opened(session, Api.REACTOR_NETTY, null, null, handshaker.uri());
        }
    }
}
