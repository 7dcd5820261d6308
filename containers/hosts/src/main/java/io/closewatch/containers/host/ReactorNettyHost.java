package io.closewatch.containers.host;

import org.reactivestreams.Publisher;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.DispatcherHandler;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reactor Netty on both sides, on 127.0.0.1: a Spring WebFlux server (a {@code WebSocketHandler} mapped at
 * {@code /chat/{room}} by a {@code SimpleUrlHandlerMapping}, and handlers joining publishers under {@code /zip},
 * {@code /when}, {@code /flux-zip}, {@code /merge}, {@code /switch}, {@code /switch-prefetch}, {@code /sequential} and
 * {@code /until}, which fail on "fail"), a plain Reactor Netty server (a {@code ws} route at {@code /plain/{id}}),
 * Spring's {@code ReactorNettyWebSocketClient}, and raw-socket peers. Both servers close with the code a "close:&lt;code&gt;"
 * message asks for; "throw" makes a {@code map} of the WebFlux handler throw, "fail" makes its {@code concatMap}
 * return a failed publisher ("fail-later": one that fails on another thread), "echo" is answered with "echo", "big"
 * makes it send more than a client takes. Reads one scenario per line, plays it, answers "DONE" once every session it
 * started has ended, and stops on "exit".
 */
public final class ReactorNettyHost {
    /** More than Reactor Netty's default frame limit, 65,536 bytes, on either side. */
    private static final int TOO_BIG = 70_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(ItHost.TIMEOUT_SECONDS);

    private final ReactorNettyWebSocketClient client = new ReactorNettyWebSocketClient();
    private final DisposableServer webFlux;
    private final DisposableServer plain;

    private ReactorNettyHost(DisposableServer webFlux, DisposableServer plain) {
        this.webFlux = webFlux;
        this.plain = plain;
    }

    public static void main(String[] args) throws Exception {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean("webHandler", DispatcherHandler.class);
        context.registerBean(SimpleUrlHandlerMapping.class,
                () -> new SimpleUrlHandlerMapping(Map.of("/chat/{room}", (WebSocketHandler) ReactorNettyHost::chat,
                        "/zip/{room}", (WebSocketHandler) s -> inAndOut(s, Mono::zip),
                        "/when/{room}", (WebSocketHandler) s -> inAndOut(s, Mono::when),
                        "/flux-zip/{room}", (WebSocketHandler) s -> inAndOut(s, Flux::zip),
                        "/merge/{room}", (WebSocketHandler) s -> inAndOut(s, Flux::merge),
                        "/switch/{room}", (WebSocketHandler) s -> mapping(s, Flux::switchMap),
                        "/switch-prefetch/{room}", (WebSocketHandler) s -> mapping(s, ReactorNettyHost::prefetching),
                        "/sequential/{room}", (WebSocketHandler) s -> mapping(s, Flux::flatMapSequential),
                        "/until/{room}", (WebSocketHandler) ReactorNettyHost::until), 1));
        context.registerBean(WebSocketHandlerAdapter.class);
        context.refresh();
        DisposableServer webFlux = HttpServer.create().host("127.0.0.1").port(0)
                .handle(new ReactorHttpHandlerAdapter(WebHttpHandlerBuilder.applicationContext(context).build()))
                .bindNow();
        DisposableServer plain = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.ws("/plain/{id}", ReactorNettyHost::plainChat)).bindNow();
        ReactorNettyHost host = new ReactorNettyHost(webFlux, plain);
        System.out.println("READY webflux=" + webFlux.port() + " plain=" + plain.port() + " raw="
                + RawPeer.port());
        ((Scenarios) host::run).playFromStandardInput();
        webFlux.disposeNow();
        plain.disposeNow();
        context.close();
    }

    /** WebFlux's handler: closes as a message asks, or fails. */
    private static Mono<Void> chat(WebSocketSession session) {
        return session.receive().map(WebSocketMessage::getPayloadAsText).map(text -> {
            if (text.equals("throw")) {
                throw new IllegalStateException("the handler throws, as asked");
            }
            return text;
        }).concatMap(text -> {
            if (text.startsWith("close:")) {
                return session.close(new CloseStatus(Integer.parseInt(text.substring("close:".length())), "asked to"));
            }
            if (text.equals("echo")) {
                return session.send(Mono.just(session.textMessage("echo")));
            }
            if (text.equals("fail")) {
                return Mono.error(new IllegalArgumentException("the handler fails, as asked"));
            }
            if (text.equals("fail-later")) { // on Reactor's parallel scheduler, off the event loop
                return Mono.delay(Duration.ofMillis(10))
                        .then(Mono.error(new UnsupportedOperationException("the handler fails later, as asked")));
            }
            if (text.equals("big")) {
                return session.send(Mono.just(session.textMessage("x".repeat(TOO_BIG))));
            }
            return Mono.empty();
        }).then();
    }

    /**
     * WebFlux's own shape for a handler that reads and writes, {@code Mono.zip(input, output)} (or {@code Mono.when},
     * {@code Flux.zip}, {@code Flux.merge}): the output's source fails when a "fail" message comes in, and the
     * operator that joins them cancels the input.
     */
    private static Mono<Void> inAndOut(WebSocketSession session,
            BiFunction<Mono<Void>, Mono<Void>, Publisher<?>> join) {
        Sinks.Many<String> source = Sinks.many().unicast().onBackpressureBuffer();
        Mono<Void> input = session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(text -> {
            if (text.equals("fail")) {
                source.tryEmitError(new IllegalStateException("the output's source fails, as asked"));
            }
        }).then();
        Mono<Void> output = session.send(source.asFlux().map(session::textMessage));
        return Flux.from(join.apply(input, output)).then();
    }

    /**
     * An operator that maps each message to a publisher ({@code switchMap}, {@code flatMapSequential}); the publisher for
     * a "fail" message fails.
     */
    private static Mono<Void> mapping(WebSocketSession session,
            BiFunction<Flux<String>, Function<String, Publisher<? extends Void>>, Flux<Void>> operator) {
        Function<String, Publisher<? extends Void>> mapper = text -> text.equals("fail")
                ? Mono.error(new IllegalArgumentException("the mapped-to publisher fails, as asked"))
                : Mono.empty();
        return operator.apply(session.receive().map(WebSocketMessage::getPayloadAsText), mapper).then();
    }

    @SuppressWarnings("deprecation") // switchMap(mapper, prefetch), Reactor's older operator: still in applications
    private static Flux<Void> prefetching(Flux<String> texts, Function<String, Publisher<? extends Void>> mapper) {
        return texts.switchMap(mapper, 8);
    }

    /** Reads until another publisher signals: it fails when a "fail" message comes in. */
    private static Mono<Void> until(WebSocketSession session) {
        Sinks.Empty<Void> stop = Sinks.empty();
        return session.receive().map(WebSocketMessage::getPayloadAsText).doOnNext(text -> {
            if (text.equals("fail")) {
                stop.tryEmitError(new IllegalStateException("the publisher it reads until fails, as asked"));
            }
        }).takeUntilOther(stop.asMono()).then();
    }

    /** Reactor Netty's own handler, the same as {@link #chat}. */
    private static Mono<Void> plainChat(WebsocketInbound in, WebsocketOutbound out) {
        return in.receive().asString().concatMap(text -> text.startsWith("close:")
                ? out.sendClose(Integer.parseInt(text.substring("close:".length())), "asked to")
                : Mono.<Void>empty()).then();
    }

    private void run(String[] command) throws Exception {
        switch (command[0]) {
            case "client-close": // <code> <path>: Spring's Reactor Netty client closes
                session(serverOf(command[2]), command[2],
                        s -> s.close(new CloseStatus(Integer.parseInt(command[1]), "bye")));
                break;
            case "server-close": // <code> <path>: the server closes the client's session
                session(serverOf(command[2]), command[2], s -> s.send(Mono.just(s.textMessage("close:" + command[1]))));
                break;
            case "server-throws": // <path>: the WebFlux handler's function throws
            case "server-fails": // <path>: it returns a failed publisher
            case "server-fails-later": // <path>: it returns a publisher that fails on another thread
                String ask = switch (command[0]) {
                    case "server-throws" -> "throw";
                    case "server-fails" -> "fail";
                    default -> "fail-later";
                };
                session(serverOf(command[1]), command[1], s -> s.send(Mono.just(s.textMessage(ask))));
                break;
            case "client-fails": // <path>: a flatMap of the client's handler returns a publisher that fails (not at
                // once, as Mono.error would, which flatMap reads as its mapper's exception)
                session(serverOf(command[1]), command[1], s -> s.send(Mono.just(s.textMessage("echo")))
                        .then(s.receive().flatMap(message -> Mono.defer(() -> Mono.error(
                                new IllegalStateException("the client fails, as asked")))).then())
                        .onErrorResume(IllegalStateException.class, failure -> Mono.empty()));
                break;
            case "client-fails-outright": // <path>: the client's handler fails with no operator cancelling its inbound
                // on the way: it reads until another publisher signals, which fails on the server's echo
                try {
                    session(serverOf(command[1]), command[1], s -> {
                        Sinks.Empty<Void> stop = Sinks.empty();
                        return s.send(Mono.just(s.textMessage("echo"))).then(s.receive()
                                .doOnNext(message -> stop.tryEmitError(
                                        new IllegalStateException("the client fails, as asked")))
                                .takeUntilOther(stop.asMono()).then());
                    });
                    throw new AssertionError("the client's handler did not fail");
                } catch (IllegalStateException asked) {
                    // the handler's failure, as asked
                }
                break;
            case "client-too-big": // <path>: the client sends more than the server takes
                session(serverOf(command[1]), command[1], s -> s.send(Mono.just(s.textMessage("x".repeat(TOO_BIG)))));
                break;
            case "server-too-big": // <path>: the WebFlux server sends more than the client takes
                session(serverOf(command[1]), command[1], s -> s.send(Mono.just(s.textMessage("big"))));
                break;
            case "raw-peer": // <action>: the raw server ends the client's session (see RawPeerServer)
                session(RawPeer.port(), "/" + command[1], s -> Mono.empty());
                break;
            case "raw-client": // <action> <path>: a raw client ends its session with the server of the path
                RawWebSocket.playClient(serverOf(command[2]), command[1], command[2]);
                break;
            case "concurrent": // <sessions> <path>: client closes 1000 and server closes 4001, in turn, at once
                List<Mono<Void>> sessions = new ArrayList<>();
                for (int i = 0; i < Integer.parseInt(command[1]); i++) {
                    Function<WebSocketSession, Mono<Void>> action = i % 2 == 0
                            ? s -> s.close(new CloseStatus(1000, "bye"))
                            : s -> s.send(Mono.just(s.textMessage("close:4001")));
                    sessions.add(sessionMono(serverOf(command[2]), command[2], action));
                }
                Mono.when(sessions).block(TIMEOUT.multipliedBy(2));
                break;
            default:
                throw new IllegalArgumentException("unknown scenario " + command[0]);
        }
    }

    private int serverOf(String path) {
        return path.startsWith("/plain/") ? plain.port() : webFlux.port();
    }

    /** A client session to {@code path}: acts, then waits until the session's close status is known. */
    private void session(int port, String path, Function<WebSocketSession, Mono<Void>> action) {
        sessionMono(port, path, action).block(TIMEOUT);
    }

    private Mono<Void> sessionMono(int port, String path, Function<WebSocketSession, Mono<Void>> action) {
        return client.execute(URI.create("ws://127.0.0.1:" + port + path),
                s -> action.apply(s).then(s.closeStatus()).then());
    }
}
