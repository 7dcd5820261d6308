package io.closewatch.agent.instrumentation.netty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.FullHttpRequest;
import net.bytebuddy.asm.Advice;

/**
 * {@code WebSocketServerHandshaker.handshake(channel, request, headers, promise)}, where every server handshake ends
 * up in Netty 4.1 (4.2 goes on to {@code handshake0}, see {@link ServerOpenAdvice}; the session opens once): unless
 * it failed at once, the channel is a server session under the requested path (without its query), or under the
 * template a framework on Netty gave for the channel (Micronaut).
 */
public final class ServerHandshakeAdvice {
    private ServerHandshakeAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void opened(@Advice.Argument(0) Channel channel, @Advice.Argument(1) FullHttpRequest request,
                       @Advice.Return ChannelFuture handshake) {
        if (!handshake.isDone() || handshake.isSuccess()) {
            String uri = request.uri();
            int query = uri.indexOf('?');
            CloseWatchBridge.opened(channel, Api.NETTY, channel, query < 0 ? uri : uri.substring(0, query), null);
        }
    }
}
