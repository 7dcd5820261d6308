package io.closewatch.agent.instrumentation.reactornetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import net.bytebuddy.asm.Advice;
import reactor.netty.channel.ChannelOperations;
import reactor.netty.http.websocket.WebsocketInbound;

/**
 * Netty's {@code WebSocket08FrameDecoder.protocolViolation(ctx, in, error)}: the decoder under Reactor Netty rejects a
 * frame (one over the size limit: 1009; a malformed one: 1002) and sends the close frame itself, unless the peer's
 * close came first. Reactor Netty's own close after it never reaches the wire.
 */
public final class ProtocolViolationAdvice {
    private ProtocolViolationAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closeSent(@Advice.Argument(0) ChannelHandlerContext context,
                          @Advice.Argument(2) CorruptedWebSocketFrameException error,
                          @Advice.FieldValue("config") WebSocketDecoderConfig config,
                          @Advice.FieldValue("receivedClosingHandshake") boolean peerClosed) {
        if (!peerClosed && config.closeOnProtocolViolation() && context.channel().isActive()) {
            Object session = ChannelOperations.get(context.channel());
            if (session instanceof WebsocketInbound) {
                CloseWatchBridge.closeSent(session, Api.REACTOR_NETTY, error.closeStatus().code());
            }
        }
    }
}
