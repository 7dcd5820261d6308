package io.closewatch.containers.host;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The start-up benchmark's host (benchmarks/compare.sh): starts embedded Tomcat 11, serves a few WebSocket
 * sessions to the JDK client, stops and exits. Its whole wall time, with and without the agent, is the measure.
 */
public final class StartupHost {
    private static final int SESSIONS = 5;

    private StartupHost() {
    }

    public static void main(String[] args) throws Exception {
        try (TomcatServer server = new TomcatServer()) {
            URI target = URI.create("ws://127.0.0.1:" + server.start() + "/annotated/startup");
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < SESSIONS; i++) {
                CountDownLatch ended = new CountDownLatch(1);
                client.newWebSocketBuilder().buildAsync(target, new EndListener(ended)).get(20, TimeUnit.SECONDS)
                        .sendClose(1000, "bye");
                if (!ended.await(20, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("session " + i + " did not end");
                }
            }
        }
        System.exit(0);
    }
}
