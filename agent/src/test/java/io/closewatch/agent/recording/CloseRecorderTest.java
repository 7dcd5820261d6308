package io.closewatch.agent.recording;

import io.closewatch.agent.core.CloseCauses;
import io.closewatch.agent.core.Initiator;
import io.closewatch.agent.core.Side;
import io.closewatch.agent.metrics.CloseMeters;
import io.closewatch.agent.metrics.EndpointMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.helpers.NOPLogger;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloseRecorderTest {
    private static final int MAX_CODES = 20;
    private static final int MAX_ENDPOINTS = 30;
    private final PrometheusMeterRegistry registry = CloseMeters.newRegistry("chat", "1.4.2");
    private final AtomicLong clock = new AtomicLong();
    private final CloseRecorder recorder = new CloseRecorder(
            new CloseMeters(registry, "0.1.0", MAX_CODES, MAX_ENDPOINTS, 20),
            new AgentErrors(registry, NOPLogger.NOP_LOGGER), clock::get);

    @Test
    void aServerSessionIsCountedOnceWithItsTemplateAndDuration() {
        Object session = new Object();
        recorder.opened(session, "jakarta", null, "/chat/{room}", null);
        assertEquals(1.0, active("jakarta", "server", "/chat/{room}"));
        clock.set(2_000_000_000L);
        recorder.ended(session, "jakarta", 1000, false);
        recorder.ended(session, "jakarta", 1000, false); // a user onClose calling super.onClose
        assertEquals(1.0, closes("jakarta", "server", "/chat/{room}", "1000", "normal", "remote"));
        assertEquals(0.0, active("jakarta", "server", "/chat/{room}"));
        Timer duration = registry.find("websocket.session.duration").tag("category", "normal").timer();
        assertEquals(1, duration.count());
        assertEquals(2.0, duration.totalTime(java.util.concurrent.TimeUnit.SECONDS), 1e-9);
    }

    /** Quarkus on Vert.x 4.5: the connection breaks, then the application closes with 1011; nobody closed it. */
    @Test
    void aConnectionLostOnTheSessionsConnectionIsNobodysCloseWhateverIsSentAfter() {
        Object session = new Object();
        Object connection = new Object();
        recorder.opened(session, "vertx", connection, "/chat/{room}", null);
        recorder.sameSession(connection, session);
        recorder.connectionLost(new Object()); // another connection's failure: no session's
        recorder.connectionLost(connection);
        recorder.closeSent(session, "vertx", 1011);
        recorder.ended(session, "vertx", -1, true);
        assertEquals(1.0, closes("vertx", "server", "/chat/{room}", "1006", "abnormal", "none"));
        assertEquals(0.0, closes("vertx", "server", "/chat/{room}", "1011", "server_error", "local"));
    }

    @Test
    void aTemplateAFrameworkMappedTheHandshakeByReplacesTheConcretePath() {
        Object endpoint = new Object();
        Object session = new Object();
        recorder.pathTemplate(endpoint, "/ws/{id}");
        recorder.opened(session, "jakarta", endpoint, "/ws/42", null);
        recorder.ended(session, "jakarta", 1000, false);
        assertEquals(1.0, closes("jakarta", "server", "/ws/{id}", "1000", "normal", "remote"));
        assertEquals(0.0, closes("jakarta", "server", "/ws/42", "1000", "normal", "remote"));
    }

    @Test
    void aLocalCloseMakesTheContainerReportedCodeLocal() {
        Object session = new Object();
        recorder.opened(session, "jakarta", null, "/chat/{room}", null);
        recorder.closeSent(session, "jakarta", -1);
        recorder.ended(session, "jakarta", 4001, false);
        assertEquals(1.0, closes("jakarta", "server", "/chat/{room}", "4001", "application", "local"));
    }

    @Test
    void aJdkClientIsLabelledWithItsOriginOnly() {
        Object webSocket = new Object();
        recorder.opened(webSocket, "jdk", null, null, URI.create("wss://Example.COM/chat/42?token=secret"));
        recorder.closeReceived(webSocket, "jdk", 1001);
        recorder.ended(webSocket, "jdk", -1, false);
        assertEquals(1.0, closes("jdk", "client", "wss://example.com:443", "1001", "going_away", "remote"));
    }

    @Test
    void aClientWithoutUriTakesTheTargetItIsConnectingTo() {
        Object session = new Object();
        recorder.clientConnecting(URI.create("ws://127.0.0.1:8080/echo"));
        recorder.opened(session, "jakarta", null, null, null);
        recorder.clientConnecting(null);
        recorder.ended(session, "jakarta", 1000, false);
        assertEquals(1.0, closes("jakarta", "client", "ws://127.0.0.1:8080", "1000", "normal", "remote"));
    }

    @Test
    void abortIsCountedAtOnceAndTheLaterErrorIsNot() {
        Object webSocket = new Object();
        recorder.opened(webSocket, "jdk", null, null, URI.create("ws://h:1"));
        recorder.aborted(webSocket, "jdk");
        recorder.ended(webSocket, "jdk", -1, false);
        assertEquals(1.0, closes("jdk", "client", "ws://h:1", "1006", "abnormal", "local"));
        assertEquals(0.0, active("jdk", "client", "ws://h:1"));
    }

    @Test
    void aSessionWhoseOpeningWasNotSeenIsCountedOnceAndLeavesTheGaugeAlone() {
        Object session = new Object();
        recorder.ended(session, "jakarta", 1001, false);
        recorder.ended(session, "jakarta", 1001, false);
        assertEquals(1.0, closes("jakarta", "unknown", "unknown", "1001", "going_away", "remote"));
        assertEquals(0.0, active("jakarta", "unknown", "unknown"), "never decremented below what was opened");
    }

    /** A JDK session that opened before the agent was attached: its close frames still decide, and count once. */
    @Test
    void aSessionOpenedBeforeAttachIsTrackedFromItsFirstEvent() {
        Object webSocket = new Object();
        recorder.closeSent(webSocket, "jdk", 4005);
        recorder.closeReceived(webSocket, "jdk", 4005);
        recorder.ended(webSocket, "jdk", -1, false);
        recorder.ended(webSocket, "jdk", -1, false);
        assertEquals(1.0, closes("jdk", "client", "unknown", "4005", "application", "local"));
        assertEquals(0.0, active("jdk", "client", "unknown"));
    }

    @Test
    void anOutOfRangeCodeIsOneInvalidSeries() {
        Object session = new Object();
        recorder.opened(session, "jakarta", null, "/x", null);
        recorder.ended(session, "jakarta", 70_000, false);
        assertEquals(1.0, closes("jakarta", "server", "/x", "invalid", "invalid", "remote"));
    }

    @Test
    void concurrentSessionsRacingTheirEndingsAreEachCountedOnce() throws Exception {
        int sessions = 2_000;
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            Object session = new Object();
            all.add(session);
            recorder.opened(session, "jdk", null, null, URI.create("ws://h:1"));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int kind = t;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (Object session : all) {
                    if (kind == 0) {
                        recorder.aborted(session, "jdk");
                    } else {
                        recorder.ended(session, "jdk", -1, false);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double counted = registry.find("websocket.closes").counters().stream().mapToDouble(Counter::count).sum();
        assertEquals(sessions, counted);
        assertEquals(0.0, active("jdk", "client", "ws://h:1"));
    }

    @Test
    void prometheusSeesTheContractNames() {
        Object session = new Object();
        recorder.opened(session, "jakarta", null, "/chat/{room}", null);
        recorder.ended(session, "jakarta", 1011, false);
        String scrape = registry.scrape();
        assertTrue(scrape.contains("websocket_closes_total{api=\"jakarta\",application=\"chat\",category=\"server_error\","
                + "code=\"1011\",endpoint=\"/chat/{room}\",initiator=\"remote\",release=\"1.4.2\",side=\"server\"} 1.0"),
                scrape);
        assertTrue(scrape.contains("websocket_close_causes_total{api=\"jakarta\",application=\"chat\",cause=\"none\","
                + "code=\"1011\",endpoint=\"/chat/{room}\",release=\"1.4.2\",side=\"server\"} 1.0"), scrape);
        assertTrue(scrape.contains("websocket_session_duration_seconds_bucket{api=\"jakarta\",application=\"chat\","
                + "category=\"server_error\",endpoint=\"/chat/{room}\",release=\"1.4.2\",side=\"server\",le=\"0.1\"} 1"),
                scrape);
        assertTrue(scrape.contains("le=\"86400.0\""), scrape);
        assertTrue(scrape.contains("websocket_sessions_active{api=\"jakarta\",application=\"chat\","
                + "endpoint=\"/chat/{room}\",release=\"1.4.2\",side=\"server\"} 0.0"), scrape);
        assertTrue(scrape.contains("closewatch_agent_info{application=\"chat\",release=\"1.4.2\",version=\"0.1.0\"} 1"),
                "the agent's own meters carry the common labels too: " + scrape);
    }

    /** A peer closing with 2000 different codes: 20 keep their series, the rest go to "other", totals stay exact. */
    @Test
    void codesPastTheCapAreCountedAsOtherWithTheirCategory() {
        for (int code = 3000; code < 5000; code++) {
            Object session = new Object();
            recorder.opened(session, "jakarta", null, "/chat/{room}", null);
            recorder.ended(session, "jakarta", code, false);
        }
        Object abnormal = new Object();
        recorder.opened(abnormal, "jakarta", null, "/chat/{room}", null);
        recorder.ended(abnormal, "jakarta", 1006, false);
        List<Counter> counters = new ArrayList<>(registry.find("websocket.closes").counters());
        assertEquals(2001.0, counters.stream().mapToDouble(Counter::count).sum(), "totals stay exact");
        assertEquals(MAX_CODES + 3, counters.size(), "20 codes, other/library, other/application, 1006");
        assertEquals(980.0, closes("jakarta", "server", "/chat/{room}", "other", "library", "remote"));
        assertEquals(1000.0, closes("jakarta", "server", "/chat/{room}", "other", "application", "remote"));
        assertEquals(1.0, closes("jakarta", "server", "/chat/{room}", "1006", "abnormal", "none"),
                "codes RFC 6455 defines are never capped");
        assertEquals(1980.0, registry.find("closewatch.labels.capped").tag("label", "code").counter().count());
    }

    /** The first error the stack reported is the cause; a session with none is "none"; causes add up to closes. */
    @Test
    void eachCloseIsCountedOnceMoreUnderItsCause() {
        Object failed = new Object();
        recorder.opened(failed, "jakarta", null, "/chat/{room}", null);
        recorder.errorReported(failed, new java.lang.reflect.InvocationTargetException(new IllegalStateException()));
        recorder.errorReported(failed, new java.io.IOException("closing what is broken"));
        recorder.closeSent(failed, "jakarta", 1011);
        recorder.ended(failed, "jakarta", 1011, false);
        Object clean = new Object();
        recorder.opened(clean, "jakarta", null, "/chat/{room}", null);
        recorder.ended(clean, "jakarta", 1000, false);
        Object idle = new Object();
        recorder.opened(idle, "jakarta", null, "/chat/{room}", null);
        recorder.idleTimedOut(idle);
        recorder.errorReported(idle, new java.io.EOFException());
        recorder.ended(idle, "jakarta", 1006, false);
        recorder.errorReported(new Object(), new IllegalStateException()); // no session seen: nothing
        assertEquals(1.0, causes("jakarta", "server", "/chat/{room}", "1011", "java.lang.IllegalStateException"));
        assertEquals(1.0, causes("jakarta", "server", "/chat/{room}", "1000", "none"));
        assertEquals(1.0, causes("jakarta", "server", "/chat/{room}", "1006", "idle_timeout"));
        assertEquals(3, registry.find("websocket.close.causes").counters().size());
    }

    /** Vert.x's I/O error comes on the HTTP connection a server session was upgraded from, tied to the session. */
    @Test
    void anErrorOnAConnectionTiedToASessionIsThatSessionsCause() {
        Object session = new Object();
        Object connection = new Object();
        recorder.opened(session, "vertx", connection, "/chat/{room}", null);
        recorder.sameSession(connection, session);
        recorder.errorReported(connection, new java.net.SocketException("reset"));
        recorder.connectionLost(connection);
        recorder.ended(session, "vertx", -1, true);
        assertEquals(1.0, causes("vertx", "server", "/chat/{room}", "1006", "java.net.SocketException"));
    }

    /** Quarkus holds Vert.x Web's wrapper of the session: its connection, tied to the wrapper, tied to the session. */
    @Test
    void anErrorOnAConnectionTiedThroughAWrapperIsTheSessionsCauseButNoFurther() {
        Object session = new Object();
        Object wrapper = new Object();
        Object connection = new Object();
        Object tooFar = new Object();
        recorder.opened(session, "vertx", null, "/chat/{room}", null);
        recorder.sameSession(wrapper, session);
        recorder.sameSession(connection, wrapper);
        recorder.sameSession(tooFar, connection);
        recorder.errorReported(tooFar, new IllegalArgumentException()); // three ties away: no session's
        recorder.errorReported(connection, new IllegalStateException());
        recorder.ended(session, "vertx", 1011, true);
        assertEquals(1.0, causes("vertx", "server", "/chat/{room}", "1011", "java.lang.IllegalStateException"));
    }

    /** 50 exception classes at max.causes=20; a code past max.codes is "other" in both counters. */
    @Test
    void causesPastTheCapAreOtherAndTheTotalsStayExact() {
        EndpointMeters endpoint = new CloseMeters(registry, "0.1.0", MAX_CODES, MAX_ENDPOINTS, 20)
                .endpoint("jakarta", Side.SERVER, "/capped");
        for (int i = 0; i < 50; i++) {
            endpoint.closed(3000 + i, Initiator.REMOTE, 1, false, "com.example.Failure" + i);
        }
        endpoint.closed(1000, Initiator.REMOTE, 1, false, CloseCauses.NONE);
        endpoint.closed(1006, Initiator.NONE, 1, false, CloseCauses.IDLE_TIMEOUT);
        List<Counter> causes = new ArrayList<>(registry.find("websocket.close.causes").counters());
        assertEquals(52.0, causes.stream().mapToDouble(Counter::count).sum(), "totals stay exact");
        assertEquals(20, causes.stream().map(c -> c.getId().getTag("cause"))
                .filter(cause -> cause.startsWith("com.example.")).distinct().count(), "max.causes=20");
        assertEquals(30.0, causes.stream().filter(c -> c.getId().getTag("cause").equals("other"))
                .mapToDouble(Counter::count).sum());
        assertEquals(1.0, causes("jakarta", "server", "/capped", "1000", "none"), "never capped");
        assertEquals(1.0, causes("jakarta", "server", "/capped", "1006", "idle_timeout"), "never capped");
        assertEquals(30.0, registry.find("closewatch.labels.capped").tag("label", "cause").counter().count());
        // codes 3000-3019 have their own series, 3020-3049 are "other": the same split in both counters
        for (String counter : new String[] {"websocket.closes", "websocket.close.causes"}) {
            assertEquals(30.0, registry.find(counter).tag("code", "other").counters().stream()
                    .mapToDouble(Counter::count).sum(), counter);
            assertEquals(1.0, registry.find(counter).tag("code", "3019").counters().stream()
                    .mapToDouble(Counter::count).sum(), counter);
        }
    }

    @Test
    void endpointsPastTheCapAreCountedAsOther() {
        for (int i = 0; i < 100; i++) {
            Object session = new Object();
            recorder.opened(session, "jakarta", null, "/room-" + i, null);
            recorder.ended(session, "jakarta", 1000, false);
        }
        double ownSeries = registry.find("websocket.closes").counters().stream()
                .filter(c -> !"other".equals(c.getId().getTag("endpoint"))).count();
        assertEquals(MAX_ENDPOINTS, ownSeries);
        assertEquals(70.0, closes("jakarta", "server", "other", "1000", "normal", "remote"));
        assertEquals(70.0, registry.find("closewatch.labels.capped").tag("label", "endpoint").counter().count());
        assertEquals(0.0, active("jakarta", "server", "other"));
    }

    @Test
    void aFailureIsCountedByReason() {
        recorder.failed("end", new IllegalStateException("boom"));
        recorder.failed("end", new IllegalStateException("boom"));
        assertEquals(2.0, registry.find("closewatch.agent.errors").tags("reason", "end", "application", "chat",
                "release", "1.4.2").counter().count());
    }

    /** Hooks that cannot tell a session from another use of the same object end only sessions already seen. */
    @Test
    void anEndIfSeenCountsOnlyASessionTheAgentSaw() {
        Object notASession = new Object();
        recorder.connectionLost(notASession);
        recorder.endedIfSeen(notASession, "reactor-netty", true);
        assertEquals(0, registry.find("websocket.closes").counters().size());

        Object opened = new Object();
        recorder.opened(opened, "reactor-netty", null, "/chat", null);
        recorder.endedIfSeen(opened, "reactor-netty", true);
        Object closedBeforeTheAgentCame = new Object();
        recorder.closeReceived(closedBeforeTheAgentCame, "reactor-netty", 4001);
        recorder.endedIfSeen(closedBeforeTheAgentCame, "reactor-netty", true);
        assertEquals(1.0, closes("reactor-netty", "server", "/chat", "1006", "abnormal", "none"));
        assertEquals(1.0, closes("reactor-netty", "unknown", "unknown", "4001", "application", "remote"));
        assertEquals(2, registry.find("websocket.closes").counters().size());
    }

    @Test
    void aLostConnectionIs1006WithNoInitiatorEvenIfTheStackThenSendsAFrame() {
        Object session = new Object();
        recorder.opened(session, "reactor-netty", null, "/chat", null);
        recorder.connectionLost(session);
        recorder.closeSent(session, "reactor-netty", 1002);
        recorder.endedIfSeen(session, "reactor-netty", true);
        assertEquals(1.0, closes("reactor-netty", "server", "/chat", "1006", "abnormal", "none"));
        assertEquals(1, registry.find("websocket.closes").counters().size());
    }

    private double closes(String api, String side, String endpoint, String code, String category, String initiator) {
        Counter counter = registry.find("websocket.closes").tags("api", api, "side", side, "endpoint", endpoint,
                "code", code, "category", category, "initiator", initiator).counter();
        return counter == null ? 0.0 : counter.count();
    }

    private double causes(String api, String side, String endpoint, String code, String cause) {
        Counter counter = registry.find("websocket.close.causes").tags("api", api, "side", side, "endpoint", endpoint,
                "code", code, "cause", cause).counter();
        return counter == null ? 0.0 : counter.count();
    }

    private double active(String api, String side, String endpoint) {
        Gauge gauge = registry.find("websocket.sessions.active").tags("api", api, "side", side, "endpoint", endpoint)
                .gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }
}
