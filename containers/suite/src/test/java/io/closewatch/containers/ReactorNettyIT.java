package io.closewatch.containers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.closewatch.containers.Steps.all;

/**
 * Reactor Netty's WebSockets against the real agent (see {@code ReactorNettyHost}): a Spring WebFlux server, whose
 * sessions are labelled with the handler mapping's pattern, a plain Reactor Netty server (the requested path), and
 * Spring's Reactor Netty client. Each scenario adds exactly the expected series and no other, both sides, and every
 * session ends with the active gauges at 0.
 */
class ReactorNettyIT {
    @ParameterizedTest(name = "on Java {0}")
    @ValueSource(ints = {17, 25})
    void reactorNettySessionsAreCountedOnceOnBothSides(int java) throws Exception {
        try (HostJvm host = HostJvm.start("reactornetty", "io.closewatch.containers.host.ReactorNettyHost", List.of(),
                JavaHomes.require(java), "port={port}", List.of(), Map.of())) {
            String webFlux = "ws://127.0.0.1:" + host.readyValue("webflux");
            String plain = "ws://127.0.0.1:" + host.readyValue("plain");
            String rawPeer = "ws://127.0.0.1:" + host.readyValue("raw");
            Steps steps = new Steps(host, "reactor-netty");
            steps.play("client-close 1000 /chat/1",
                    steps.series("client", webFlux, 1000, "normal", "local"),
                    steps.series("server", "/chat/{room}", 1000, "normal", "remote"),
                    steps.cause("client", webFlux, 1000, "none"), steps.cause("server", "/chat/{room}", 1000, "none"));
            steps.play("server-close 4001 /chat/2",
                    steps.series("client", webFlux, 4001, "application", "remote"),
                    steps.series("server", "/chat/{room}", 4001, "application", "local"));
            // A WebFlux handler's failure cancels its inbound: Reactor Netty tells the server 1006 and sends the client
            // a close frame without a code (1005). The failure is the cause, whether a function of the handler threw
            // (a map) or a publisher it returned failed (a concatMap's Mono.error), even on another thread: the
            // operator that holds it cancels the inbound.
            steps.play("server-throws /chat/3",
                    inboundCancelled(steps, webFlux, "/chat/{room}", "java.lang.IllegalStateException"));
            steps.play("server-fails /chat/4",
                    inboundCancelled(steps, webFlux, "/chat/{room}", "java.lang.IllegalArgumentException"));
            // Failing on another thread, the cancel and the failure race to the event loop: the inbound's 1006, or the
            // 1002 Reactor Netty closes with when the failure reaches the handler's subscriber first.
            String later = "java.lang.UnsupportedOperationException";
            steps.playOneOf("server-fails-later /chat/4", List.of(
                    inboundCancelled(steps, webFlux, "/chat/{room}", later),
                    handlerFailed(steps, webFlux, "/chat/{room}", later)));
            // So when an operator that joins publishers cancels the inbound because another of them failed: the
            // output's source of Mono.zip(input, output), Mono.when, Flux.zip or Flux.merge (a flatMap), or the
            // publisher a switchMap or flatMapSequential mapped a message to.
            for (String join : List.of("zip", "when", "flux-zip", "merge")) {
                steps.play("server-fails /" + join + "/1",
                        inboundCancelled(steps, webFlux, "/" + join + "/{room}", "java.lang.IllegalStateException"));
            }
            for (String mapping : List.of("switch", "switch-prefetch", "sequential")) {
                steps.play("server-fails /" + mapping + "/1", inboundCancelled(steps, webFlux,
                        "/" + mapping + "/{room}", "java.lang.IllegalArgumentException"));
            }
            // A failure that no operator holds while it cancels the inbound reaches the handler's subscriber:
            // Reactor Netty closes with 1002, the failure is the cause (takeUntilOther's other publisher failing).
            steps.play("server-fails /until/1",
                    handlerFailed(steps, webFlux, "/until/{room}", "java.lang.IllegalStateException"));
            // The same on the client (a flatMap's Mono.error): the cause of its 1006; the server reads 1005.
            steps.play("client-fails /chat/6", clientInboundCancelled(steps, webFlux, "java.lang.IllegalStateException"));
            // A client's handler that fails with no operator cancelling its inbound on the way: Spring's client
            // cancels it later, on no hooked path; the failure is not named.
            steps.play("client-fails-outright /chat/6", clientInboundCancelled(steps, webFlux, "none"));
            steps.play("client-close 4100 /plain/7",
                    steps.series("client", plain, 4100, "application", "local"),
                    steps.series("server", "/plain/7", 4100, "application", "remote"));
            steps.play("server-close 3001 /plain/7",
                    steps.series("client", plain, 3001, "library", "remote"),
                    steps.series("server", "/plain/7", 3001, "library", "local"));
            // Netty's decoder under Reactor Netty closes a message over the frame limit (64 KiB) with 1009 itself.
            steps.play("client-too-big /chat/5",
                    steps.series("client", webFlux, 1009, "protocol_error", "remote"),
                    steps.series("server", "/chat/{room}", 1009, "protocol_error", "local"));
            // The client's decoder sends 1009 and closes with the rest of the message unread: its TCP resets the
            // connection, and the server loses it before it reads the close frame.
            steps.play("server-too-big /chat/6",
                    steps.series("client", webFlux, 1009, "protocol_error", "local"),
                    steps.series("server", "/chat/{room}", 1006, "abnormal", "none"));
            // Why: what onInboundError is told (Netty's epoll transport here: its native I/O error for a reset).
            steps.play("raw-client fin /chat/4", steps.series("server", "/chat/{room}", 1006, "abnormal", "none"),
                    steps.cause("server", "/chat/{room}", 1006, "reactor.netty.channel.AbortedException"));
            steps.play("raw-client rst /plain/8", steps.series("server", "/plain/8", 1006, "abnormal", "none"),
                    steps.cause("server", "/plain/8", 1006, "io.netty.channel.unix.Errors$NativeIoException"));
            steps.play("raw-client close/4003 /chat/4",
                    steps.series("server", "/chat/{room}", 4003, "application", "remote"));
            // Reactor Netty tells the application 1005 for a close frame without a code.
            steps.play("raw-client close/empty /chat/4", steps.series("server", "/chat/{room}", 1005, "no_status",
                    "remote"));
            steps.play("raw-client close/1012 /chat/4",
                    steps.series("server", "/chat/{room}", 1012, "server_error", "remote"));
            // Netty's decoder rejects the illegal code but, the peer's close having come, closes without a
            // frame.
            steps.play("raw-client close/1005 /chat/4",
                    steps.series("server", "/chat/{room}", 1006, "abnormal", "none"));
            steps.play("raw-peer close/4002", steps.series("client", rawPeer, 4002, "application", "remote"));
            steps.play("raw-peer close/empty", steps.series("client", rawPeer, 1005, "no_status", "remote"));
            steps.play("raw-peer fin", steps.series("client", rawPeer, 1006, "abnormal", "none"),
                    steps.cause("client", rawPeer, 1006, "none"));
            steps.play("raw-peer rst", steps.series("client", rawPeer, 1006, "abnormal", "none"),
                    steps.cause("client", rawPeer, 1006, "io.netty.channel.unix.Errors$NativeIoException"));
            steps.play("concurrent 100 /chat/load",
                    Map.of(steps.key("client", webFlux, 1000, "normal", "local"), 50.0,
                            steps.key("server", "/chat/{room}", 1000, "normal", "remote"), 50.0,
                            steps.key("client", webFlux, 4001, "application", "remote"), 50.0,
                            steps.key("server", "/chat/{room}", 4001, "application", "local"), 50.0));
            steps.noneActiveAndStacks(Map.of("{counted=true, stack=reactor-netty}", 1.0,
                    "{counted=true, stack=spring-webflux}", 1.0));
        }
    }

    /**
     * A WebFlux server handler's failure cancels its inbound: Reactor Netty tells the server 1006 and sends the client
     * a close frame without a code (1005); the server's cause is {@code cause}.
     */
    private static Map<String, Double> inboundCancelled(Steps steps, String server, String endpoint, String cause) {
        return all(steps.series("client", server, 1005, "no_status", "remote"),
                steps.series("server", endpoint, 1006, "abnormal", "local"),
                steps.cause("client", server, 1005, "none"), steps.cause("server", endpoint, 1006, cause));
    }

    /** The failure reaches Reactor Netty's subscriber of the server's handler, which closes with 1002. */
    private static Map<String, Double> handlerFailed(Steps steps, String server, String endpoint, String cause) {
        return all(steps.series("client", server, 1002, "protocol_error", "remote"),
                steps.series("server", endpoint, 1002, "protocol_error", "local"),
                steps.cause("client", server, 1002, "none"), steps.cause("server", endpoint, 1002, cause));
    }

    /** The client's handler's failure ends its session (1006; the server reads 1005); the client's cause. */
    private static Map<String, Double> clientInboundCancelled(Steps steps, String server, String cause) {
        return all(steps.series("client", server, 1006, "abnormal", "local"),
                steps.series("server", "/chat/{room}", 1005, "no_status", "remote"),
                steps.cause("client", server, 1006, cause), steps.cause("server", "/chat/{room}", 1005, "none"));
    }
}
