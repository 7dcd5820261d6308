package io.closewatch.agent.instrumentation.reactornetty;

import io.closewatch.agent.instrumentation.Advices;
import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import net.bytebuddy.agent.builder.AgentBuilder;

import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Reactor Netty's WebSockets ({@code reactor.netty.http}), and so Spring WebFlux's on Reactor Netty. A session is a
 * {@code WebsocketServerOperations} (open once it is made with a handshaker) or a {@code WebsocketClientOperations}
 * (open when Netty's handshaker has completed the handshake, just before the application's handler runs). What the
 * application's {@code receiveCloseStatus()} tells is emitted once, when the first close frame goes out:
 * {@code sendCloseNow(frame, status, ...)} (the echo of the peer's frame, which {@code onInboundNext} reads first; 1006
 * when the application cancels its inbound; 1002 on an outbound error; 1000 when a server's handler completes) or the
 * application's {@code sendClose(frame)}. Every session ends in {@code ChannelOperations.terminate()}, which the
 * WebSocket operations inherit: a connection lost without a frame emits no status at all, and is counted 1006, as is
 * one reset (an I/O error in {@code onInboundError}), for which Reactor Netty tells the application 1002. Two of
 * Netty's classes under it are hooked for Reactor Netty's sessions only: its client handshaker (the open) and its frame
 * decoder, which closes by itself a frame too big (1009) or malformed (1002).
 */
public final class ReactorNettyInstrumentation implements InstrumentationModule {
    private static final String SERVER = "reactor.netty.http.server.WebsocketServerOperations";
    private static final String CLIENT = "reactor.netty.http.client.WebsocketClientOperations";
    private static final String HANDSHAKER = "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker";
    private static final String DECODER = "io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder";
    private static final String CORRUPTED_FRAME =
            "io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException";
    private static final String CLOSE_FRAME = "io.netty.handler.codec.http.websocketx.CloseWebSocketFrame";
    private static final String CLOSE_STATUS = "io.netty.handler.codec.http.websocketx.WebSocketCloseStatus";

    @Override
    public String stack() {
        return "reactor-netty";
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"WebsocketServerOperations", "WebsocketClientOperations",
            "reactor/netty/channel/ChannelOperations",
            "WebSocketClientHandshaker", "WebSocket08FrameDecoder"};
    }

    @Override
    public List<TypeHooks> hooks(ClassLoader adviceLoader) {
        ClassLoaderCanSee seesWebSockets = ClassLoaderCanSee.canSee("reactor.netty.http.websocket.WebsocketInbound");
        return List.of(
                new TypeHooks(named(SERVER), seesWebSockets, closes(adviceLoader)
                        .advice(isConstructor(), advice("ServerOpenAdvice"))),
                new TypeHooks(named(CLIENT), seesWebSockets, closes(adviceLoader)),
                new TypeHooks(named(HANDSHAKER), seesWebSockets, Advices.plain(adviceLoader)
                        .advice(named("finishHandshake").and(takesArguments(2)), advice("ClientOpenAdvice"))),
                new TypeHooks(named(DECODER), seesWebSockets, Advices.plain(adviceLoader)
                        .advice(named("protocolViolation").and(takesArguments(3))
                                .and(takesArgument(2, named(CORRUPTED_FRAME))), advice("ProtocolViolationAdvice"))),
                // Every Reactor Netty connection's operations; that shows no WebSocket at work.
                new TypeHooks(named("reactor.netty.channel.ChannelOperations"), seesWebSockets,
                        Advices.plain(adviceLoader)
                                .advice(named("onInboundError").and(takesArguments(1)), advice("LostAdvice"))
                                .advice(named("terminate").and(takesArguments(0)), advice("EndAdvice"))).shared());
    }

    /** The close frames of either side's operations, which declare the same members. */
    private AgentBuilder.Transformer.ForAdvice closes(ClassLoader adviceLoader) {
        return Advices.plain(adviceLoader)
                .advice(named("onInboundNext").and(takesArguments(2)), advice("PeerCloseAdvice"))
                .advice(named("sendCloseNow").and(takesArgument(1, named(CLOSE_STATUS))), advice("CloseNowAdvice"))
                .advice(named("sendClose").and(takesArguments(1)).and(takesArgument(0, named(CLOSE_FRAME))),
                        advice("CloseAdvice"));
    }
}
