package io.closewatch.containers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

/**
 * Vert.x's WebSockets (5, and 4.5 as Quarkus 3 runs it), server and client, against the real agent (see
 * {@code VertxHost}): each scenario adds exactly the expected series and no other, both sides, and every session
 * ends with the active gauges at 0. A Vert.x server knows only the concrete path a session was requested at, which
 * is its label.
 */
class VertxIT {
    @ParameterizedTest(name = "{0} on Java {1}")
    @CsvSource({"vertx5, 17", "vertx5, 25", "vertx45, 17"})
    void vertxSessionsAreCountedOnceOnBothSides(String runtime, int java) throws Exception {
        try (HostJvm host = HostJvm.start(runtime, "io.closewatch.containers.host.VertxHost", List.of(),
                JavaHomes.require(java), "port={port}", List.of(), Map.of())) {
            String server = "ws://127.0.0.1:" + host.readyValue("server");
            String idleServer = "ws://127.0.0.1:" + host.readyValue("idle");
            String rawPeer = "ws://127.0.0.1:" + host.readyValue("raw");
            Steps steps = new Steps(host, "vertx");
            steps.play("client-close 1000 /chat/1",
                    steps.series("client", server, 1000, "normal", "local"),
                    steps.series("server", "/chat/1", 1000, "normal", "remote"),
                    steps.cause("client", server, 1000, "none"), steps.cause("server", "/chat/1", 1000, "none"));
            steps.play("server-close 4001 /chat/1",
                    steps.series("client", server, 4001, "application", "remote"),
                    steps.series("server", "/chat/1", 4001, "application", "local"));
            // Why: the HTTP connection's exception, which only 4.5's hooked ConnectionBase reports.
            steps.play("raw-client fin /chat/2", steps.series("server", "/chat/2", 1006, "abnormal", "none"),
                    steps.cause("server", "/chat/2", 1006, "none"));
            steps.play("raw-client rst /chat/2", steps.series("server", "/chat/2", 1006, "abnormal", "none"),
                    steps.cause("server", "/chat/2", 1006, runtime.equals("vertx45") ? "java.net.SocketException"
                            : "none"));
            steps.play("raw-client close/4003 /chat/2",
                    steps.series("server", "/chat/2", 4003, "application", "remote"));
            // Vert.x tells the application 1000 for a close frame without a code, as Tomcat does.
            steps.play("raw-client close/empty /chat/2",
                    steps.series("server", "/chat/2", 1000, "normal", "remote"));
            // Vert.x's idle timeout drops the connection without a close frame, on a WebSocket as on HTTP: the
            // server's session ends by it, the client's sees the peer vanish.
            steps.play("client-idle /chat/3",
                    steps.series("client", idleServer, 1006, "abnormal", "none"),
                    steps.series("server", "/chat/3", 1006, "abnormal", "none"),
                    steps.cause("client", idleServer, 1006, "none"),
                    steps.cause("server", "/chat/3", 1006, "idle_timeout"));
            // A handler that throws, the server's or the client's: Vert.x hands the exception to its context, not to
            // the session, which goes on until the client's close.
            for (String throwing : List.of("server-throws", "client-throws")) {
                steps.play(throwing + " /chat/5",
                        steps.series("client", server, 1000, "normal", "local"),
                        steps.series("server", "/chat/5", 1000, "normal", "remote"),
                        steps.cause("client", server, 1000, "none"), steps.cause("server", "/chat/5", 1000, "none"));
            }
            // A message over the server's limit is dropped (the handler's exception handler is told); the session
            // goes on, and the client's close ends it.
            steps.play("client-too-big /chat/4",
                    steps.series("client", server, 1000, "normal", "local"),
                    steps.series("server", "/chat/4", 1000, "normal", "remote"));
            steps.play("raw-client close/1012 /chat/2",
                    steps.series("server", "/chat/2", 1012, "server_error", "remote"));
            // Netty's decoder under Vert.x rejects the illegal code but, the peer's close having come, closes
            // without a frame.
            steps.play("raw-client close/1005 /chat/2", steps.series("server", "/chat/2", 1006, "abnormal", "none"));
            steps.play("raw-peer close/4002", steps.series("client", rawPeer, 4002, "application", "remote"));
            steps.play("raw-peer fin", steps.series("client", rawPeer, 1006, "abnormal", "none"),
                    steps.cause("client", rawPeer, 1006, "none"));
            steps.play("concurrent 100 /chat/load",
                    Map.of(steps.key("client", server, 1000, "normal", "local"), 50.0,
                            steps.key("server", "/chat/load", 1000, "normal", "remote"), 50.0,
                            steps.key("client", server, 4001, "application", "remote"), 50.0,
                            steps.key("server", "/chat/load", 4001, "application", "local"), 50.0));
            steps.noneActiveAndStacks(Map.of("{counted=true, stack=vertx}", 1.0));
        }
    }
}
