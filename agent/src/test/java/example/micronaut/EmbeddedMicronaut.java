package example.micronaut;

import io.micronaut.http.server.netty.websocket.NettyServerWebSocketUpgradeHandler;
import io.micronaut.websocket.context.WebSocketBean;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.ReferenceCountUtil;

import java.nio.charset.StandardCharsets;

/**
 * A Micronaut-shaped upgrade (the stand-in handler, a real Netty handshaker) on an {@code EmbeddedChannel}, defined by
 * the hook harness's loader: the peer asks for {@code path} and then closes with {@code code}.
 */
public final class EmbeddedMicronaut {
    private static final String UPGRADE = "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

    private EmbeddedMicronaut() {
    }

    public static void clientCloses(WebSocketBean<?> bean, String path, int code) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(65536),
                new NettyServerWebSocketUpgradeHandler(bean));
        channel.writeInbound(Unpooled.copiedBuffer(String.format(UPGRADE, path), StandardCharsets.US_ASCII));
        Object response;
        while ((response = channel.readOutbound()) != null) {
            ReferenceCountUtil.release(response);
        }
        ByteBuf close = Unpooled.buffer(); // masked with a zero mask, as a client must
        close.writeByte(0x88).writeByte(0x82).writeInt(0).writeShort(code);
        channel.writeInbound(close);
        channel.finishAndReleaseAll();
    }
}
