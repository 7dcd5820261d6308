package io.closewatch.containers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static io.closewatch.containers.Steps.all;

/**
 * Java-WebSocket (1.6, and 1.5), server and client, against the real agent (see {@code JavaWebSocketHost}): each
 * scenario adds exactly the expected series and no other, both sides, and every session ends with the active gauges
 * at 0. A Java-WebSocket server serves every path with one listener: the path a session was requested at (without
 * its query) is its label.
 * <p>
 * Between Java-WebSocket's own client and server, the server's application is told either the code or 1006: the
 * server decodes frames on worker threads while its selector thread reads the connection, and when the connection's
 * end (or a reset) is read before the close frame is decoded, it ends the session with 1006 at once (measured: a few
 * sessions in a hundred). The agent counts what the application is told; these scenarios accept both, exactly.
 * Sessions at once are played against raw peers, where the order is fixed.
 */
class JavaWebSocketIT {
    /** The client closes with {@code code}: the server is told it (its peer's frame), or 1006. */
    private static List<Map<String, Double>> clientCloses(Steps steps, String server, String path, int code,
                                                          String category) {
        Map<String, Double> client = steps.series("client", server, code, category, "local");
        return List.of(all(client, steps.series("server", path, code, category, "remote")),
                all(client, steps.series("server", path, 1006, "abnormal", "remote")),
                all(client, steps.series("server", path, 1006, "abnormal", "none")));
    }

    /** The server closes with {@code code}: it is told its own code, or 1006. */
    private static List<Map<String, Double>> serverCloses(Steps steps, String server, String path, int code,
                                                          String category) {
        Map<String, Double> client = steps.series("client", server, code, category, "remote");
        return List.of(all(client, steps.series("server", path, code, category, "local")),
                all(client, steps.series("server", path, 1006, "abnormal", "local")));
    }

    @ParameterizedTest(name = "{0} on Java {1}")
    @CsvSource({"javawebsocket, 17", "javawebsocket, 25", "javawebsocket15, 17"})
    void javaWebSocketSessionsAreCountedOnceOnBothSides(String runtime, int java) throws Exception {
        try (HostJvm host = HostJvm.start(runtime, "io.closewatch.containers.host.JavaWebSocketHost", List.of(),
                JavaHomes.require(java), "port={port}", List.of(), Map.of())) {
            String server = "ws://127.0.0.1:" + host.readyValue("server");
            String rawPeer = "ws://127.0.0.1:" + host.readyValue("raw");
            Steps steps = new Steps(host, "java-websocket");
            // A clean close: no cause on either side, whichever code the server is told.
            steps.playOneOf("client-close 1000 /chat/1?token=secret",
                    clientCloses(steps, server, "/chat/1", 1000, "normal").stream()
                            .map(way -> all(way, all(steps.cause("client", server, 1000, "none"),
                                    steps.cause("server", "/chat/1", way.containsKey(steps.key("server", "/chat/1",
                                            1000, "normal", "remote")) ? 1000 : 1006, "none"))))
                            .toList());
            steps.playOneOf("client-close 4100 /chat/1", clientCloses(steps, server, "/chat/1", 4100, "application"));
            steps.playOneOf("server-close 4001 /chat/1", serverCloses(steps, server, "/chat/1", 4001, "application"));
            steps.playOneOf("server-close 3001 /chat/1", serverCloses(steps, server, "/chat/1", 3001, "library"));
            // A server's onMessage throws: Java-WebSocket tells its onError, which closes with 1011 (the server is told
            // 1011, or 1006 as in any server's close).
            String failure = "java.lang.IllegalStateException";
            steps.playOneOf("server-throws /chat/5", serverCloses(steps, server, "/chat/5", 1011, "server_error")
                    .stream().map(way -> all(way, all(steps.cause("client", server, 1011, "none"),
                            steps.cause("server", "/chat/5", way.containsKey(steps.key("server", "/chat/5", 1011,
                                    "server_error", "local")) ? 1011 : 1006, failure))))
                    .toList());
            // The client's onMessage throws: its onError closes with 1011.
            steps.playOneOf("client-throws /chat/5", clientCloses(steps, server, "/chat/5", 1011, "server_error")
                    .stream().map(way -> all(way, all(steps.cause("client", server, 1011, failure),
                            steps.cause("server", "/chat/5", way.containsKey(steps.key("server", "/chat/5", 1011,
                                    "server_error", "remote")) ? 1011 : 1006, "none"))))
                    .toList());
            // A frame over the server's limit: Java-WebSocket closes with 1009 itself.
            steps.playOneOf("client-too-big /chat/4", serverCloses(steps, server, "/chat/4", 1009, "protocol_error"));
            // Why: Java-WebSocket tells onError nothing of a dropped connection; a refused frame, its exception.
            steps.play("raw-client fin /chat/2", steps.series("server", "/chat/2", 1006, "abnormal", "none"),
                    steps.cause("server", "/chat/2", 1006, "none"));
            steps.play("raw-client rst /chat/2", steps.series("server", "/chat/2", 1006, "abnormal", "none"),
                    steps.cause("server", "/chat/2", 1006, "none"));
            // Its lost-connection check drops a peer that answers no ping without a close frame, and tells onError
            // nothing: the peer is gone, which is no idle timeout (an idle peer answers pings).
            steps.play("raw-client-silent /chat/3", steps.series("server", "/chat/3", 1006, "abnormal", "none"),
                    steps.cause("server", "/chat/3", 1006, "none"));
            steps.play("raw-client close/4003 /chat/2",
                    steps.series("server", "/chat/2", 4003, "application", "remote"));
            // Java-WebSocket tells the application 1000 for a close frame without a code, as Tomcat and Vert.x do.
            steps.play("raw-client close/empty /chat/2",
                    steps.series("server", "/chat/2", 1000, "normal", "remote"));
            steps.play("raw-client close/1012 /chat/2",
                    steps.series("server", "/chat/2", 1012, "server_error", "remote"));
            steps.play("raw-client close/1005 /chat/2",
                    steps.series("server", "/chat/2", 1002, "protocol_error", "local"),
                    steps.cause("server", "/chat/2", 1002, "org.java_websocket.exceptions.InvalidFrameException"));
            steps.play("raw-peer close/4002", steps.series("client", rawPeer, 4002, "application", "remote"));
            steps.play("raw-peer close/empty", steps.series("client", rawPeer, 1000, "normal", "remote"));
            steps.play("raw-peer fin", steps.series("client", rawPeer, 1006, "abnormal", "none"),
                    steps.cause("client", rawPeer, 1006, "none"));
            steps.play("raw-peer rst", steps.series("client", rawPeer, 1006, "abnormal", "none"),
                    steps.cause("client", rawPeer, 1006, "none"));
            steps.play("raw-clients 100 close/4003 /chat/load",
                    Map.of(steps.key("server", "/chat/load", 4003, "application", "remote"), 100.0));
            steps.play("raw-peers 100 close/4002",
                    Map.of(steps.key("client", rawPeer, 4002, "application", "remote"), 100.0));
            steps.noneActiveAndStacks(Map.of("{counted=true, stack=java-websocket}", 1.0));
        }
    }
}
