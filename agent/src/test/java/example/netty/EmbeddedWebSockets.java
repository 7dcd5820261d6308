package example.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;

import java.nio.charset.StandardCharsets;

/**
 * Real Netty WebSocket servers on {@code EmbeddedChannel}s, for the fast hook tests: defined by the hook harness's
 * loader, so that the Netty classes it uses are the transformed ones. Each method plays one session to its end.
 */
public final class EmbeddedWebSockets {
    private static final String UPGRADE = "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";

    private EmbeddedWebSockets() {
    }

    /** The client (the test) sends a close frame with {@code code} (-1: none), the server echoes and closes. */
    public static void clientCloses(String path, int code) {
        EmbeddedChannel channel = upgraded(path);
        channel.writeInbound(maskedClose(code));
        channel.finishAndReleaseAll();
    }

    /** The server sends {@code code}, the client (the test) drops the connection without answering. */
    public static void serverCloses(String path, int code) {
        EmbeddedChannel channel = upgraded(path);
        channel.writeOutbound(new CloseWebSocketFrame(code, "bye"));
        channel.finishAndReleaseAll();
    }

    /** The server's application closes the channel: the protocol handler sends 1000 first. */
    public static void serverClosesTheChannel(String path) {
        upgraded(path).finishAndReleaseAll();
    }

    /** The peer drops the connection after the upgrade: closed under the pipeline, as a read of end-of-stream does. */
    public static void peerDropsTheConnection(String path) {
        EmbeddedChannel channel = upgraded(path);
        channel.unsafe().close(channel.voidPromise());
        channel.finishAndReleaseAll();
    }

    private static EmbeddedChannel upgraded(String path) {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec(), new HttpObjectAggregator(65536),
                new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder().websocketPath("/chat")
                        .checkStartsWith(true).build()));
        channel.writeInbound(Unpooled.copiedBuffer(String.format(UPGRADE, path), StandardCharsets.US_ASCII));
        Object response;
        while ((response = channel.readOutbound()) != null) {
            io.netty.util.ReferenceCountUtil.release(response);
        }
        return channel;
    }

    /** A close frame as a client sends it: masked (with a zero mask, which leaves the payload as it is). */
    private static ByteBuf maskedClose(int code) {
        ByteBuf frame = Unpooled.buffer();
        frame.writeByte(0x88);
        frame.writeByte(0x80 | (code == -1 ? 0 : 2));
        frame.writeInt(0);
        if (code != -1) {
            frame.writeShort(code);
        }
        return frame;
    }
}
