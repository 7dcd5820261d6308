package io.closewatch.containers;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Spring Boot WebSocket application on Jetty, built as its users build it (the Boot starters, a repackaged fat
 * jar, see {@code containers/apps}) and run with {@code -jar}: its handler's sessions counted exactly, once, under
 * the mapping's pattern. A JDK client in this test's JVM plays the peer.
 */
class SpringBootAppIT {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"boot35jetty", "boot40jetty"})
    void aBootApplicationOnJettyCountsEveryClose(String app) throws Exception {
        try (HostJvm host = HostJvm.startApp(app, List.of("--server.port=0", "--server.address=127.0.0.1"),
                JavaHomes.require(17), "port={port}")) {
            String base = "ws://127.0.0.1:" + host.readyValue("port") + "/ws/";
            HttpClient client = HttpClient.newHttpClient();
            session(client, base + "7", webSocket -> webSocket.sendClose(1000, "bye"));
            session(client, base + "8", webSocket -> webSocket.sendText("close:4001", true));
            Map<String, Double> expected = Map.of(
                    "{api=jetty, category=normal, code=1000, endpoint=/ws/{id}, initiator=remote, side=server}", 1.0,
                    "{api=jetty, category=application, code=4001, endpoint=/ws/{id}, initiator=local, side=server}",
                    1.0);
            assertEquals(expected, Scrape.awaitCloses(host.metricsPort(), expected), host.stderr());
            Thread.sleep(500); // and it stays so
            Scrape scrape = Scrape.of(host.metricsPort());
            assertEquals(expected, scrape.values("websocket_closes_total", "application", "release"));
            assertEquals(0.0, scrape.values("websocket_sessions_active", "application", "release").values().stream()
                    .mapToDouble(d -> d).sum());
            assertTrue(scrape.values("closewatch_stack_info", "application", "release").keySet().stream()
                    .noneMatch(key -> key.contains("counted=false")), scrape.body);
        }
    }

    /** Opens a session, ends it with {@code ending}, and waits until the client is told it ended. */
    private static void session(HttpClient client, String uri, java.util.function.Consumer<WebSocket> ending)
            throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        WebSocket webSocket = client.newWebSocketBuilder().buildAsync(URI.create(uri), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
                closed.countDown();
                return null;
            }

            @Override
            public void onError(WebSocket socket, Throwable error) {
                closed.countDown();
            }
        }).get(10, TimeUnit.SECONDS);
        ending.accept(webSocket);
        assertTrue(closed.await(10, TimeUnit.SECONDS), "the session ended: " + uri);
    }
}
