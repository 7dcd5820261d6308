package io.micronaut.http.server.netty.websocket;

import io.micronaut.websocket.context.WebSocketBean;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;

/**
 * Stands in for Micronaut 4's upgrade handler in the fast hook tests: on the upgrade request, its
 * {@code handleHandshake(ctx, request, webSocketBean, response)} hands the request to a real Netty handshaker; then it
 * answers the peer's close frame as Micronaut's session handler does.
 */
public class NettyServerWebSocketUpgradeHandler extends ChannelInboundHandlerAdapter {
    private final WebSocketBean<?> bean;
    private WebSocketServerHandshaker handshaker;

    public NettyServerWebSocketUpgradeHandler(WebSocketBean<?> bean) {
        this.bean = bean;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof FullHttpRequest request) {
            handleHandshake(ctx, request, bean, null);
            request.release();
        } else if (message instanceof CloseWebSocketFrame close) {
            handshaker.close(ctx.channel(), close);
        }
    }

    private ChannelFuture handleHandshake(ChannelHandlerContext ctx, FullHttpRequest req, WebSocketBean<?> webSocketBean,
                                          Object response) {
        handshaker = new WebSocketServerHandshakerFactory("ws://127.0.0.1" + req.uri(), null, true)
                .newHandshaker(req);
        return handshaker.handshake(ctx.channel(), req);
    }
}
