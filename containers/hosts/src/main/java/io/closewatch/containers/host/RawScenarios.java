package io.closewatch.containers.host;

/**
 * The scenarios a host that runs a stack's own server and client plays with raw peers: raw clients ending their
 * sessions with its server, one or many at once, and the suite's raw peer server ending its client's sessions, one or
 * many at once.
 */
final class RawScenarios {
    /** Opens a session of the host's own client to {@code path} on {@code port}, and waits until it ended. */
    interface ClientSession {
        void play(int port, String path) throws Exception;
    }

    private RawScenarios() {
    }

    /** @return whether {@code command} is one of these scenarios (then played), or not */
    static boolean play(String[] command, int serverPort, ClientSession clientSession) throws Exception {
        switch (command[0]) {
            case "raw-peer": // <action>: the raw server ends the client's session (see RawPeerServer)
                clientSession.play(RawPeer.port(), "/" + command[1]);
                return true;
            case "raw-client": // <action> <path>: a raw client ends its session with the server
                RawWebSocket.playClient(serverPort, command[1], command[2]);
                return true;
            case "raw-clients": // <sessions> <action> <path>: raw clients end their sessions with the server at once
                AtOnce.play(Integer.parseInt(command[1]),
                        i -> RawWebSocket.playClient(serverPort, command[2], command[3]));
                return true;
            case "raw-peers": // <sessions> <action>: the raw server ends as many client sessions at once
                AtOnce.play(Integer.parseInt(command[1]), i -> clientSession.play(RawPeer.port(), "/" + command[2]));
                return true;
            default:
                return false;
        }
    }
}
