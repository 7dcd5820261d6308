package io.closewatch.containers.host;

/**
 * Where the suite's {@link RawPeerServer} listens: it runs in the suite's JVM, outside the host, so that a host runs
 * only the stack under test (the server holds the accept GUID, which the agent's handshake detector would name).
 */
final class RawPeer {
    static final String PORT_PROPERTY = "closewatch.it.rawPeerPort";

    private RawPeer() {
    }

    static int port() {
        String port = System.getProperty(PORT_PROPERTY);
        if (port == null) {
            throw new IllegalStateException("no raw peer: -D" + PORT_PROPERTY + "=<port> is missing");
        }
        return Integer.parseInt(port);
    }
}
