package io.closewatch.agent.instrumentation.reactornetty;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.MethodMatch;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.constructor;
import static io.closewatch.agent.instrumentation.MethodMatch.named;

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
 * decoder, which closes by itself a frame too big (1009) or malformed (1002). Why a session ended: the I/O error of
 * {@code onInboundError}, or the failure that cancelled the inbound ({@code FluxReceive.cancel()}, on the thread that
 * cancels): a WebFlux handler's failure ends the session so, before it reaches the handler's subscriber. Reactor's
 * operators cancel on a failure in {@code Operators.onOperatorError} (a function that throws), {@code flatMap}'s
 * {@code innerError} and {@code concatMap}'s {@code maybeOnError} (a publisher the mapper returned failed), and the
 * operators that join publishers where one of them fails ({@code switchMap}, {@code flatMapSequential},
 * {@code Flux.zip}, {@code Mono.zip}, {@code Mono.when}). A server handler's failure that reaches Reactor Netty with
 * the inbound still open ({@code onOutboundError}, which closes with 1002) is why too; elsewhere the cause is
 * {@code none}.
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
    private static final String THROWABLE = "java.lang.Throwable";
    private static final MethodMatch ON_ERROR = named("onError").takesArguments(1).takesArgument(0, THROWABLE);
    /** {@code innerError(inner, failure)}: a publisher the operator subscribed to for a value failed. */
    private static final MethodMatch INNER_ERROR = named("innerError").takesArguments(2).takesArgument(1, THROWABLE);

    @Override
    public String stack() {
        return "reactor-netty";
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"WebsocketServerOperations", "WebsocketClientOperations",
            "reactor/netty/channel/ChannelOperations", "reactor/netty/channel/FluxReceive",
            "reactor/core/publisher/Operators",
            "reactor/core/publisher/FluxConcatMapNoPrefetch$", "reactor/core/publisher/FluxFlatMap$FlatMapMain",
            "reactor/core/publisher/FluxSwitchMap", "reactor/core/publisher/FluxZip$ZipCoordinator",
            "reactor/core/publisher/MonoZip$ZipInner", "reactor/core/publisher/MonoWhen$WhenInner",
            "reactor/core/publisher/FluxMergeSequential$MergeSequentialMain",
            "WebSocketClientHandshaker", "WebSocket08FrameDecoder"};
    }

    @Override
    public List<TypeHooks> hooks() {
        ClassLoaderCanSee seesWebSockets = ClassLoaderCanSee.canSee("reactor.netty.http.websocket.WebsocketInbound");
        return List.of(
                closes(new TypeHooks(TypeMatch.named(SERVER), seesWebSockets))
                        .advice(constructor(), advice("ServerOpenAdvice"))
                        .adviceIfPresent(named("onOutboundError").takesArguments(1).takesArgument(0, THROWABLE),
                                advice("HandlerFailureAdvice")),
                closes(new TypeHooks(TypeMatch.named(CLIENT), seesWebSockets)),
                new TypeHooks(TypeMatch.named(HANDSHAKER), seesWebSockets)
                        .advice(named("finishHandshake").takesArguments(2), advice("ClientOpenAdvice")),
                new TypeHooks(TypeMatch.named(DECODER), seesWebSockets)
                        .advice(named("protocolViolation").takesArguments(3).takesArgument(2, CORRUPTED_FRAME),
                                advice("ProtocolViolationAdvice")),
                // Every Reactor Netty connection's operations; that shows no WebSocket at work.
                new TypeHooks(TypeMatch.named("reactor.netty.channel.ChannelOperations"), seesWebSockets)
                        .advice(named("onInboundError").takesArguments(1), advice("LostAdvice"))
                        .advice(named("terminate").takesArguments(0), advice("EndAdvice")).shared(),
                // Every connection's inbound; only a WebSocket's, cancelled by a failure, counts.
                new TypeHooks(TypeMatch.named("reactor.netty.channel.FluxReceive"), seesWebSockets)
                        .advice(named("cancel").takesArguments(0), advice("InboundCancelAdvice")).shared(),
                // Every reactive pipeline's operator failures; only one that cancels a WebSocket's inbound counts.
                new TypeHooks(TypeMatch.named("reactor.core.publisher.Operators"), seesWebSockets)
                        .advice(named("onOperatorError").takesArguments(4), advice("OperatorFailureAdvice"))
                        .shared(),
                operatorFailure("reactor.core.publisher.FluxFlatMap$FlatMapMain", INNER_ERROR, seesWebSockets),
                operatorFailure("reactor.core.publisher.FluxConcatMapNoPrefetch$FluxConcatMapNoPrefetchSubscriber",
                        named("maybeOnError").takesArguments(3).takesArgument(0, THROWABLE), seesWebSockets),
                // The operators that join publishers, where one of them fails and the others are cancelled.
                operatorFailure("reactor.core.publisher.FluxSwitchMap$SwitchMapMain", INNER_ERROR, seesWebSockets),
                operatorFailure("reactor.core.publisher.FluxSwitchMapNoPrefetch$SwitchMapInner", ON_ERROR,
                        seesWebSockets),
                operatorFailure("reactor.core.publisher.FluxMergeSequential$MergeSequentialMain", INNER_ERROR,
                        seesWebSockets),
                operatorFailure("reactor.core.publisher.FluxZip$ZipCoordinator",
                        named("error").takesArguments(2).takesArgument(0, THROWABLE), seesWebSockets),
                operatorFailure("reactor.core.publisher.MonoZip$ZipInner", ON_ERROR, seesWebSockets),
                operatorFailure("reactor.core.publisher.MonoWhen$WhenInner", ON_ERROR, seesWebSockets));
    }

    /** A Reactor operator's method that takes a failure and, on this thread, cancels what it subscribed to. */
    private TypeHooks operatorFailure(String type, MethodMatch takesFailure, ClassLoaderCanSee seesWebSockets) {
        return new TypeHooks(TypeMatch.named(type), seesWebSockets)
                .adviceIfPresent(takesFailure, advice("OperatorFailureAdvice")).shared();
    }

    /** The close frames of either side's operations, which declare the same members. */
    private TypeHooks closes(TypeHooks operations) {
        return operations
                .advice(named("onInboundNext").takesArguments(2), advice("PeerCloseAdvice"))
                .advice(named("sendCloseNow").takesArgument(1, CLOSE_STATUS), advice("CloseNowAdvice"))
                .advice(named("sendClose").takesArguments(CLOSE_FRAME), advice("CloseAdvice"));
    }
}
