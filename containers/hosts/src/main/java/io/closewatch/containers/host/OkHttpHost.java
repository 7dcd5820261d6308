package io.closewatch.containers.host;

import java.net.URI;

/**
 * OkHttp's WebSocket client alone (for OkHttp 4.12, whose runtime has no container), against raw-socket peers on
 * 127.0.0.1 that end each session as named (see {@code RawPeerServer}, in the suite's JVM). Reads one scenario per line, plays it,
 * answers "DONE" once the session has ended, and stops on "exit".
 */
public final class OkHttpHost {
    private OkHttpHost() {
    }

    public static void main(String[] args) throws Exception {
        try (OkHttpSessions okHttp = new OkHttpSessions()) {
            System.out.println("READY raw=" + RawPeer.port());
            ((Scenarios) command -> {
                switch (command[0]) {
                    case "raw-peer": // <action>: the raw server ends OkHttp's session
                        okHttp.peerEnds(URI.create("ws://127.0.0.1:" + RawPeer.port() + "/" + command[1]));
                        break;
                    case "listener-throws": // the raw server's message makes OkHttp's listener throw
                        okHttp.listenerThrows(URI.create("ws://127.0.0.1:" + RawPeer.port() + "/text"));
                        break;
                    case "ping-timeout": // the raw server answers no ping: OkHttp's ping timeout fails the session
                        okHttp.pingTimesOut(URI.create("ws://127.0.0.1:" + RawPeer.port() + "/silent"));
                        break;
                    default:
                        throw new IllegalArgumentException("unknown scenario " + command[0]);
                }
            }).playFromStandardInput();
        }
    }
}
