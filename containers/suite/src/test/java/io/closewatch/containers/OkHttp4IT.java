package io.closewatch.containers;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * OkHttp 4.12's WebSocket client (the container suite runs OkHttp 5 on Tomcat 11) against raw-socket peers: the same
 * hooks count it, each ending exactly once, with the code and initiator its listener is told.
 */
class OkHttp4IT {
    @Test
    void okHttp4SessionsAreCountedOnce() throws Exception {
        try (HostJvm host = HostJvm.start("okhttp4", "io.closewatch.containers.host.OkHttpHost", List.of(),
                JavaHomes.require(17), "port={port}", List.of(), Map.of())) {
            String rawPeer = "ws://127.0.0.1:" + host.readyValue("raw");
            Steps steps = new Steps(host, "okhttp");
            steps.play("raw-peer close/4002", steps.series("client", rawPeer, 4002, "application", "remote"),
                    steps.cause("client", rawPeer, 4002, "none"));
            steps.play("raw-peer close/3001", steps.series("client", rawPeer, 3001, "library", "remote"));
            steps.play("raw-peer close/empty", steps.series("client", rawPeer, 1005, "no_status", "remote"));
            // Why: what the listener's onFailure is told.
            steps.play("raw-peer fin", steps.series("client", rawPeer, 1006, "abnormal", "none"),
                    steps.cause("client", rawPeer, 1006, "java.io.EOFException"));
            steps.play("raw-peer rst", steps.series("client", rawPeer, 1006, "abnormal", "none"),
                    steps.cause("client", rawPeer, 1006, "java.net.SocketException"));
            steps.play("raw-peer close/1005", steps.series("client", rawPeer, 1006, "abnormal", "none"),
                    steps.cause("client", rawPeer, 1006, "java.net.ProtocolException"));
            // A listener that throws: OkHttp fails the session with its exception.
            steps.play("listener-throws", steps.series("client", rawPeer, 1006, "abnormal", "none"),
                    steps.cause("client", rawPeer, 1006, "java.lang.IllegalStateException"));
            // A peer that answers no ping: OkHttp's ping timeout fails the session with a SocketTimeoutException.
            steps.play("ping-timeout", steps.series("client", rawPeer, 1006, "abnormal", "none"),
                    steps.cause("client", rawPeer, 1006, "java.net.SocketTimeoutException"));
            steps.noneActiveAndStacks(Map.of("{counted=true, stack=okhttp}", 1.0));
        }
    }
}
