package io.closewatch.agent.instrumentation.micronaut;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.micronaut.websocket.annotation.ServerWebSocket;
import io.micronaut.websocket.context.WebSocketBean;
import io.netty.channel.ChannelHandlerContext;
import net.bytebuddy.asm.Advice;

/**
 * {@code handleHandshake(ctx, request, webSocketBean, response)}: before Netty's handshaker opens the session on the
 * channel, the channel's endpoint is the bean's {@code @ServerWebSocket} template.
 */
public final class HandshakeAdvice {
    private HandshakeAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void handshake(@Advice.Argument(0) ChannelHandlerContext context,
                          @Advice.Argument(2) WebSocketBean<?> bean) {
        String template = bean.getBeanDefinition().stringValue(ServerWebSocket.class).orElse(null);
        if (template != null) {
            CloseWatchBridge.pathTemplate(context.channel(), template);
        }
    }
}
