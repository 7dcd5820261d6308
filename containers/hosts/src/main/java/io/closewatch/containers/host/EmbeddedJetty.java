package io.closewatch.containers.host;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;

/** What every embedded Jetty of the hosts shares, whatever its environment (ee10, ee11 or none). */
final class EmbeddedJetty {
    private EmbeddedJetty() {
    }

    /** Jetty's jakarta client container runs a thread pool of non-daemon threads: the host JVM would not exit. */
    static ContainerClient jakartaClient() {
        return new JakartaClient() {
            @Override
            public void close() throws Exception {
                LifeCycle.stop(container);
            }
        };
    }

    /** A connector of {@code server} on 127.0.0.1 and a port the system picks. */
    static ServerConnector connector(Server server) {
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        return connector;
    }
}
