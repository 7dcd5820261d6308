package io.closewatch.containers;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.closewatch.containers.Steps.all;

/**
 * Helidon 4 SE WebSocket, its WebServer and its {@code WsClient}, against the real agent (see {@code HelidonHost}), on
 * Java 25 only (Helidon 4 needs Java 21): each scenario adds exactly the expected series and no other, both sides,
 * and every session ends with the active gauges at 0. The server's label is the route ("/chat/{room}").
 */
class HelidonIT {
    @Test
    void helidonSessionsAreCountedOnceOnBothSides() throws Exception {
        try (HostJvm host = HostJvm.start("helidon", "io.closewatch.containers.host.HelidonHost", List.of(),
                JavaHomes.require(25), "port={port}", List.of(), Map.of())) {
            String server = "ws://127.0.0.1:" + host.readyValue("server");
            String rawPeer = "ws://127.0.0.1:" + host.readyValue("raw");
            String idleServer = "ws://127.0.0.1:" + host.readyValue("idle");
            String route = "/chat/{room}";
            Steps steps = new Steps(host, "helidon");
            steps.play("client-close 1000 /chat/1", all(steps.series("client", server, 1000, "normal", "local"),
                    steps.series("server", route, 1000, "normal", "remote")),
                    steps.cause("client", server, 1000, "none"), steps.cause("server", route, 1000, "none"));
            steps.play("client-close 4100 /chat/1", all(steps.series("client", server, 4100, "application", "local"),
                    steps.series("server", route, 4100, "application", "remote")));
            steps.play("server-close 4001 /chat/1", all(steps.series("client", server, 4001, "application", "remote"),
                    steps.series("server", route, 4001, "application", "local")));
            steps.play("server-close 3001 /chat/1", all(steps.series("client", server, 3001, "library", "remote"),
                    steps.series("server", route, 3001, "library", "local")));
            // The server's listener throws; its onError closes with 1011.
            steps.play("server-throws /chat/5", all(all(
                    steps.series("client", server, 1011, "server_error", "remote"),
                    steps.series("server", route, 1011, "server_error", "local")),
                    all(steps.cause("client", server, 1011, "none"),
                            steps.cause("server", route, 1011, "java.lang.IllegalStateException"))));
            // The client's listener throws: Helidon's client logs it (at TRACE) and drops the connection, telling its
            // onError nothing, so neither side has a cause.
            steps.play("client-throws /chat/5", all(all(
                    steps.series("client", server, 1006, "abnormal", "none"),
                    steps.series("server", route, 1006, "abnormal", "none")),
                    all(steps.cause("client", server, 1006, "none"), steps.cause("server", route, 1006, "none"))));
            // The WebServer's idle timer ends a silent session: it drops the connection, without a close frame.
            steps.play("client-idle /chat/8", all(all(
                    steps.series("client", idleServer, 1006, "abnormal", "none"),
                    steps.series("server", route, 1006, "abnormal", "none")),
                    all(steps.cause("client", idleServer, 1006, "none"),
                            steps.cause("server", route, 1006, "idle_timeout"))));
            // A frame over the server's limit: Helidon closes with 1009 itself.
            steps.play("client-too-big /chat/4", all(steps.series("client", server, 1009, "protocol_error", "remote"),
                    steps.series("server", route, 1009, "protocol_error", "local")));
            // Why: Helidon tells its listener's onError nothing of a dropped connection.
            steps.play("raw-client fin /chat/2", steps.series("server", route, 1006, "abnormal", "none"),
                    steps.cause("server", route, 1006, "none"));
            steps.play("raw-client rst /chat/2", steps.series("server", route, 1006, "abnormal", "none"),
                    steps.cause("server", route, 1006, "none"));
            steps.play("raw-client close/4003 /chat/2", steps.series("server", route, 4003, "application", "remote"));
            // Helidon tells the application 1000 for a close frame without a code.
            steps.play("raw-client close/empty /chat/2", steps.series("server", route, 1000, "normal", "remote"));
            steps.play("raw-client close/1012 /chat/2", steps.series("server", route, 1012, "server_error", "remote"));
            steps.play("raw-client close/1005 /chat/2", steps.series("server", route, 1005, "no_status", "remote"));
            steps.play("raw-peer close/4002", steps.series("client", rawPeer, 4002, "application", "remote"));
            steps.play("raw-peer close/empty", steps.series("client", rawPeer, 1006, "abnormal", "none"));
            steps.play("raw-peer fin", steps.series("client", rawPeer, 1006, "abnormal", "none"),
                    steps.cause("client", rawPeer, 1006, "none"));
            steps.play("raw-peer rst", steps.series("client", rawPeer, 1006, "abnormal", "none"),
                    steps.cause("client", rawPeer, 1006, "none"));
            steps.play("raw-clients 100 close/4003 /chat/load",
                    Map.of(steps.key("server", route, 4003, "application", "remote"), 100.0));
            steps.play("raw-peers 100 close/4002",
                    Map.of(steps.key("client", rawPeer, 4002, "application", "remote"), 100.0));
            steps.noneActiveAndStacks(Map.of("{counted=true, stack=helidon}", 1.0));
        }
    }
}
