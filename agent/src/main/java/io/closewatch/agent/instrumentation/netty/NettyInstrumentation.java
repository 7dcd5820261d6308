package io.closewatch.agent.instrumentation.netty;

import io.closewatch.agent.instrumentation.Advices;
import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import net.bytebuddy.matcher.ElementMatcher;

import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Netty's own WebSocket codec ({@code io.netty.handler.codec.http.websocketx}, 4.1 and 4.2), for applications on
 * Netty directly: {@code WebSocketServerProtocolHandler}, handshaker-based servers and
 * {@code WebSocketClientProtocolHandler} alike, as all of them go through the same handshakers and frame codec. The
 * session is the {@code Channel}: opened by a server handshake (labelled with the requested path: Netty knows no
 * template) or by a client handshake completed; every close frame written passes the encoder and every one read
 * the decoder; the session ends when its channel goes inactive. Where a framework built on Netty is to be seen
 * (Vert.x, Reactor Netty), its own module counts its sessions, under its own labels, and this one stays out.
 */
public final class NettyInstrumentation implements InstrumentationModule {
    private static final String CODEC = "io.netty.handler.codec.http.websocketx.";
    private static final String CHANNEL = "io.netty.channel.Channel";
    private static final String FULL_REQUEST = "io.netty.handler.codec.http.FullHttpRequest";

    @Override
    public String stack() {
        return "netty";
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"WebSocketServerHandshaker", "WebSocketClientHandshaker", "WebSocket08FrameEncoder",
            "WebSocket08FrameDecoder", "DefaultChannelPipeline"};
    }

    @Override
    public List<TypeHooks> hooks(ClassLoader adviceLoader) {
        ElementMatcher<ClassLoader> nettyAlone = new ElementMatcher.Junction.Conjunction<>(
                ClassLoaderCanSee.canSee(CODEC + "WebSocketFrame"),
                not(ClassLoaderCanSee.canSee("io.vertx.core.http.WebSocketBase")),
                not(ClassLoaderCanSee.canSee("reactor.netty.http.websocket.WebsocketInbound")));
        return List.of(
                new TypeHooks(named(CODEC + "WebSocketServerHandshaker"), nettyAlone, Advices.plain(adviceLoader)
                        .advice(named("handshake0").and(takesArguments(5)).and(takesArgument(2, named(FULL_REQUEST))),
                                advice("ServerOpenAdvice"))
                        .advice(named("handshake").and(takesArguments(4)).and(takesArgument(0, named(CHANNEL)))
                                .and(takesArgument(1, named(FULL_REQUEST))), advice("ServerHandshakeAdvice"))),
                new TypeHooks(named(CODEC + "WebSocketClientHandshaker"), nettyAlone, Advices.plain(adviceLoader)
                        .advice(named("finishHandshake").and(takesArguments(2)), advice("ClientOpenAdvice"))),
                new TypeHooks(named(CODEC + "WebSocket08FrameEncoder"), nettyAlone, Advices.plain(adviceLoader)
                        .advice(named("encode").and(takesArguments(3)), advice("CloseSentAdvice"))),
                new TypeHooks(named(CODEC + "WebSocket08FrameDecoder"), nettyAlone, Advices.plain(adviceLoader)
                        .advice(named("decode").and(takesArguments(3)), advice("CloseReceivedAdvice"))),
                // Every Netty application's channels end here; that shows no WebSocket at work.
                new TypeHooks(named("io.netty.channel.DefaultChannelPipeline"), nettyAlone, Advices.plain(adviceLoader)
                        .advice(named("fireChannelInactive").and(takesArguments(0)), advice("EndAdvice"))).shared());
    }
}
