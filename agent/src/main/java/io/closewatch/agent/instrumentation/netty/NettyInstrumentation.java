package io.closewatch.agent.instrumentation.netty;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.LoaderMatch;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.named;

/**
 * Netty's own WebSocket codec ({@code io.netty.handler.codec.http.websocketx}, 4.1 and 4.2), for applications on
 * Netty directly: {@code WebSocketServerProtocolHandler}, handshaker-based servers and
 * {@code WebSocketClientProtocolHandler} alike, as all of them go through the same handshakers and frame codec. The
 * session is the {@code Channel}: opened by a server handshake (labelled with the requested path: Netty knows no
 * template) or by a client handshake completed; every close frame written passes the encoder and every one read
 * the decoder; the session ends when its channel goes inactive; its cause is what the channel's handlers are told
 * ({@code exceptionCaught}), or Netty's idle timer ({@code IdleStateHandler.channelIdle}) when the handler that takes
 * its event closes the session there and then: {@code idle_timeout}. Where a framework built on Netty is to be seen
 * (Vert.x, Reactor Netty), its own module counts its sessions, under its own labels, and this one stays out.
 */
public final class NettyInstrumentation implements InstrumentationModule {
    private static final String CODEC = "io.netty.handler.codec.http.websocketx.";
    private static final String CHANNEL = "io.netty.channel.Channel";
    private static final String CHANNEL_PROMISE = "io.netty.channel.ChannelPromise";
    private static final String FULL_REQUEST = "io.netty.handler.codec.http.FullHttpRequest";

    @Override
    public String stack() {
        return "netty";
    }

    /** The GUID is in the classes of this stack: the handshakers (Vert.x, Reactor Netty and Quarkus run on them). */
    @Override
    public String[] handshakeClasses() {
        return new String[] {"io.netty.handler.codec.http.websocketx."};
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"WebSocketServerHandshaker", "WebSocketClientHandshaker", "WebSocket08FrameEncoder",
            "WebSocket08FrameDecoder", "DefaultChannelPipeline", "io/netty/channel/AbstractChannelHandlerContext",
            "io/netty/channel/AbstractChannel$AbstractUnsafe", "io/netty/handler/timeout/IdleStateHandler"};
    }

    @Override
    public List<TypeHooks> hooks() {
        LoaderMatch nettyAlone = ClassLoaderCanSee.canSee(CODEC + "WebSocketFrame")
                .butNot(ClassLoaderCanSee.canSee("io.vertx.core.http.WebSocketBase"))
                .butNot(ClassLoaderCanSee.canSee("reactor.netty.http.websocket.WebsocketInbound"));
        return List.of(
                // 4.2 opens in handshake0, which 4.1 has not; 4.1's handshake(Channel, FullHttpRequest, ..) is in both.
                new TypeHooks(TypeMatch.named(CODEC + "WebSocketServerHandshaker"), nettyAlone)
                        .adviceIfPresent(named("handshake0").takesArguments(5).takesArgument(2, FULL_REQUEST),
                                advice("ServerOpenAdvice"))
                        .advice(named("handshake").takesArguments(4).takesArgument(0, CHANNEL)
                                .takesArgument(1, FULL_REQUEST), advice("ServerHandshakeAdvice")),
                new TypeHooks(TypeMatch.named(CODEC + "WebSocketClientHandshaker"), nettyAlone)
                        .advice(named("finishHandshake").takesArguments(2), advice("ClientOpenAdvice")),
                new TypeHooks(TypeMatch.named(CODEC + "WebSocket08FrameEncoder"), nettyAlone)
                        .advice(named("encode").takesArguments(3), advice("CloseSentAdvice")),
                new TypeHooks(TypeMatch.named(CODEC + "WebSocket08FrameDecoder"), nettyAlone)
                        .advice(named("decode").takesArguments(3), advice("CloseReceivedAdvice")),
                // Every Netty application's channels end here; that shows no WebSocket at work.
                new TypeHooks(TypeMatch.named("io.netty.channel.DefaultChannelPipeline"), nettyAlone)
                        .advice(named("fireChannelInactive").takesArguments(0), advice("EndAdvice")).shared(),
                new TypeHooks(TypeMatch.named("io.netty.channel.AbstractChannelHandlerContext"), nettyAlone)
                        .advice(named("invokeExceptionCaught").takesArguments("java.lang.Throwable"),
                                advice("ErrorAdvice")).shared(),
                // Netty's idle timer, and where every channel's close begins: a session closed as it fires ends by it.
                new TypeHooks(TypeMatch.named("io.netty.handler.timeout.IdleStateHandler"), nettyAlone)
                        .advice(named("channelIdle").takesArguments(2), advice("IdleTimerAdvice")).shared(),
                new TypeHooks(TypeMatch.named("io.netty.channel.AbstractChannel$AbstractUnsafe"), nettyAlone)
                        .advice(named("close").takesArguments(CHANNEL_PROMISE), advice("ChannelCloseAdvice"))
                        .shared());
    }
}
