package io.closewatch.containers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

/**
 * Netty's WebSocket codec used directly (4.2, and 4.1 as Spring Boot 3.5 has it), against the real agent (see
 * {@code NettyHost}): a server behind {@code WebSocketServerProtocolHandler}, a server driving its own
 * {@code WebSocketServerHandshaker}, and {@code WebSocketClientProtocolHandler}. Netty knows no template: a server
 * session is labelled with its requested path. Each scenario adds exactly the expected series and no other, both sides,
 * and every session ends with the active gauges at 0.
 */
class NettyIT {
    @ParameterizedTest(name = "{0} on Java {1}")
    @CsvSource({"netty, 17", "netty, 25", "netty41, 17"})
    void nettySessionsAreCountedOnceOnBothSides(String runtime, int java) throws Exception {
        try (HostJvm host = HostJvm.start(runtime, "io.closewatch.containers.host.NettyHost", List.of(),
                JavaHomes.require(java), "port={port}", List.of(), Map.of())) {
            String handler = "ws://127.0.0.1:" + host.readyValue("handler");
            String own = "ws://127.0.0.1:" + host.readyValue("handshaker");
            String idle = "ws://127.0.0.1:" + host.readyValue("idle");
            String rawPeer = "ws://127.0.0.1:" + host.readyValue("raw");
            Steps steps = new Steps(host, "netty");
            steps.play("client-close 1000 /chat/1",
                    steps.series("client", handler, 1000, "normal", "local"),
                    steps.series("server", "/chat/1", 1000, "normal", "remote"),
                    steps.cause("client", handler, 1000, "none"), steps.cause("server", "/chat/1", 1000, "none"));
            steps.play("server-close 4001 /chat/1",
                    steps.series("client", handler, 4001, "application", "remote"),
                    steps.series("server", "/chat/1", 4001, "application", "local"));
            steps.play("client-close 4100 /own/7",
                    steps.series("client", own, 4100, "application", "local"),
                    steps.series("server", "/own/7", 4100, "application", "remote"));
            steps.play("server-close 3001 /own/7",
                    steps.series("client", own, 3001, "library", "remote"),
                    steps.series("server", "/own/7", 3001, "library", "local"));
            // A handler that throws: the application's exceptionCaught closes with 1011.
            steps.play("server-throws /chat/9",
                    steps.series("client", handler, 1011, "server_error", "remote"),
                    steps.series("server", "/chat/9", 1011, "server_error", "local"),
                    steps.cause("client", handler, 1011, "none"),
                    steps.cause("server", "/chat/9", 1011, "java.lang.IllegalStateException"));
            // Netty's idle timer fires; the handler that takes its event closes with 1001, or drops the connection.
            steps.play("client-idle /chat/10",
                    steps.series("client", idle, 1001, "going_away", "remote"),
                    steps.series("server", "/chat/10", 1001, "going_away", "local"),
                    steps.cause("client", idle, 1001, "none"),
                    steps.cause("server", "/chat/10", 1001, "idle_timeout"));
            steps.play("client-idle-dropped /chat/11",
                    steps.series("client", idle, 1006, "abnormal", "none"),
                    steps.series("server", "/chat/11", 1006, "abnormal", "none"),
                    steps.cause("client", idle, 1006, "none"),
                    steps.cause("server", "/chat/11", 1006, "idle_timeout"));
            steps.play("client-throws /chat/9",
                    steps.series("client", handler, 1011, "server_error", "local"),
                    steps.series("server", "/chat/9", 1011, "server_error", "remote"),
                    steps.cause("client", handler, 1011, "java.lang.IllegalStateException"),
                    steps.cause("server", "/chat/9", 1011, "none"));
            steps.play("client-too-big /chat/5",
                    steps.series("client", handler, 1009, "protocol_error", "remote"),
                    steps.series("server", "/chat/5", 1009, "protocol_error", "local"));
            // The client's decoder rejects the message, but its 1009 never reaches the wire (the decoder sits after
            // the client's frame encoder); closing the channel, the protocol handler sends 1000 instead.
            steps.play("server-too-big /chat/6",
                    steps.series("client", handler, 1000, "normal", "local"),
                    steps.series("server", "/chat/6", 1000, "normal", "remote"));
            // Why: what the pipeline's exceptionCaught is told; nothing for a FIN.
            steps.play("raw-client fin /chat/4", steps.series("server", "/chat/4", 1006, "abnormal", "none"),
                    steps.cause("server", "/chat/4", 1006, "none"));
            steps.play("raw-client rst /own/8", steps.series("server", "/own/8", 1006, "abnormal", "none"),
                    steps.cause("server", "/own/8", 1006, "java.net.SocketException"));
            steps.play("raw-client close/4003 /chat/4",
                    steps.series("server", "/chat/4", 4003, "application", "remote"));
            steps.play("raw-client close/empty /own/8", steps.series("server", "/own/8", 1005, "no_status", "remote"));
            steps.play("raw-client close/1012 /own/8",
                    steps.series("server", "/own/8", 1012, "server_error", "remote"));
            // Netty's decoder rejects the illegal code but, the peer's close having come, closes without a
            // frame.
            steps.play("raw-client close/1005 /own/8",
                    steps.series("server", "/own/8", 1006, "abnormal", "none"));
            steps.play("raw-peer close/4002", steps.series("client", rawPeer, 4002, "application", "remote"));
            steps.play("raw-peer close/empty", steps.series("client", rawPeer, 1005, "no_status", "remote"));
            steps.play("raw-peer fin", steps.series("client", rawPeer, 1006, "abnormal", "none"),
                    steps.cause("client", rawPeer, 1006, "none"));
            steps.play("raw-peer rst", steps.series("client", rawPeer, 1006, "abnormal", "none"),
                    steps.cause("client", rawPeer, 1006, "java.net.SocketException"));
            steps.play("concurrent 100 /chat/load",
                    Map.of(steps.key("client", handler, 1000, "normal", "local"), 50.0,
                            steps.key("server", "/chat/load", 1000, "normal", "remote"), 50.0,
                            steps.key("client", handler, 4001, "application", "remote"), 50.0,
                            steps.key("server", "/chat/load", 4001, "application", "local"), 50.0));
            steps.noneActiveAndStacks(Map.of("{counted=true, stack=netty}", 1.0));
        }
    }
}
