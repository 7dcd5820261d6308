package io.closewatch.containers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every scenario of the counting contract against the real agent jar in a forked JVM: one embedded container, the
 * JDK client, the container's own WebSocket client and raw-socket peers, all on loopback. Each scenario asserts the
 * exact change of every {@code websocket_closes_total} series: the ones expected and no other. What differs between
 * containers (what they report for the same thing on the wire) comes from {@link Container}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerScenarios {
    private static final int MAX_CODES = 50;
    private static final int MAX_CAUSES = 8;

    private final Container container;
    private final int javaFeature;
    private final String api;
    private HostJvm host;
    private CountedCloses closes;
    private String server;
    private String rawPeer;

    /** @param javaFeature the Java feature version the host runs on */
    ContainerScenarios(Container container, int javaFeature) {
        this.container = container;
        this.javaFeature = javaFeature;
        this.api = container.api;
    }

    @BeforeAll
    void startHost() throws Exception {
        // Precedence: agent argument over system property over environment variable.
        host = HostJvm.start(container.module, JavaHomes.require(javaFeature),
                "port={port},release=it-release,max.codes=" + MAX_CODES + ",max.causes=" + MAX_CAUSES,
                List.of("-Dclosewatch.application=it-host"),
                Map.of("CLOSEWATCH_RELEASE", "loses-to-the-argument", "CLOSEWATCH_APPLICATION", "loses-too"));
        closes = new CountedCloses(host);
        server = "ws://127.0.0.1:" + host.readyValue("server");
        rawPeer = "ws://127.0.0.1:" + host.readyValue("raw");
    }

    @AfterAll
    void nothingLateThenStopHost() throws Exception {
        try {
            if (closes != null) {
                closes.nothingMovedLate();
            }
        } finally {
            if (host != null) {
                host.close();
            }
        }
    }

    /** A clean close: neither stack reported an error. */
    @Test
    void jdkClientClosesNormally() throws Exception {
        play("jdk-client-close 1000 /annotated/r1",
                closes("jdk", "client", server, 1000, "normal", "local", 1),
                closes(api, "server", "/annotated/{room}", 1000, "normal", "remote", 1),
                causes("jdk", "client", server, 1000, "none", 1),
                causes(api, "server", "/annotated/{room}", 1000, "none", 1));
    }

    /**
     * A message handler throws, and the endpoint's {@code @OnError} closes with 1011: the cause is what the handler
     * threw, however the container wrapped it on the way to {@code @OnError}.
     */
    @Test
    void aHandlerThatThrowsIsTheCauseOfItsClose() throws Exception {
        int code = container.handlerFailureCode();
        play("jdk-throw /failing/1",
                closes(api, "server", "/failing/{id}", code, category(code), "local", 1),
                closes("jdk", "client", server, code, category(code), "remote", 1),
                causes(api, "server", "/failing/{id}", code, "java.lang.IllegalStateException", 1),
                causes("jdk", "client", server, code, "none", 1));
    }

    @Test
    void jdkClientClosesWithAnApplicationCode() throws Exception {
        play("jdk-client-close 4100 /programmatic/9",
                closes("jdk", "client", server, 4100, "application", "local", 1),
                closes(api, "server", "/programmatic/{id}", 4100, "application", "remote", 1));
    }

    @Test
    void serverClosesWith4001() throws Exception {
        play("jdk-server-close 4001 /annotated/r2",
                closes(api, "server", "/annotated/{room}", 4001, "application", "local", 1),
                closes("jdk", "client", server, 4001, "application", "remote", 1));
    }

    @Test
    void serverClosesWith1011FromAnEndpointThatCallsSuperOnClose() throws Exception {
        play("jdk-server-close 1011 /programmatic/1",
                closes(api, "server", "/programmatic/{id}", 1011, "server_error", "local", 1),
                closes("jdk", "client", server, 1011, "server_error", "remote", 1));
    }

    @Test
    void serverClosesWith1008FromAnAnnotatedEndpointWithoutOnClose() throws Exception {
        play("jdk-server-close 1008 /annotated-silent",
                closes(api, "server", "/annotated-silent", 1008, "policy_violation", "local", 1),
                closes("jdk", "client", server, 1008, "policy_violation", "remote", 1));
    }

    @Test
    void serverClosesWith3xxxFromAProgrammaticEndpointWithoutOnClose() throws Exception {
        play("jdk-server-close 3003 /programmatic-plain",
                closes(api, "server", "/programmatic-plain", 3003, "library", "local", 1),
                closes("jdk", "client", server, 3003, "library", "remote", 1));
    }

    @Test
    void jdkClientAborts() throws Exception {
        play("jdk-abort /annotated/r3",
                closes("jdk", "client", server, 1006, "abnormal", "local", 1),
                closes(api, "server", "/annotated/{room}", 1006, "abnormal", "none", 1));
    }

    @Test
    void jakartaClientCloses() throws Exception {
        play("container-client-close 1000 /programmatic/2",
                closes(api, "client", server, 1000, "normal", "local", 1),
                closes(api, "server", "/programmatic/{id}", 1000, "normal", "remote", 1));
    }

    @Test
    void serverClosesAJakartaClient() throws Exception {
        Map<String, Double> client = closes(api, "client", server, 4001, "application", "remote", 1);
        Map<String, Double> echoed = merged(client,
                closes(api, "server", "/annotated/{room}", 4001, "application", "local", 1));
        // The server then tells its application 1006 (the connection closed before the echo came).
        Map<String, Double> echoDropped = merged(client,
                closes(api, "server", "/annotated/{room}", 1006, "abnormal", "local", 1));
        playExpectingOneOf("container-server-close 4001 /annotated/r4",
                container.clientMayDropItsCloseEcho() ? List.of(echoed, echoDropped) : List.of(echoed));
    }

    @Test
    void peerSendsAnEmptyCloseFrameToTheJdkClient() throws Exception {
        play("jdk-raw-peer close/empty", closes("jdk", "client", rawPeer, 1005, "no_status", "remote", 1));
    }

    @Test
    void peerClosesTheJdkClientWithLibraryAndApplicationCodes() throws Exception {
        play("jdk-raw-peer close/3001", closes("jdk", "client", rawPeer, 3001, "library", "remote", 1));
        play("jdk-raw-peer close/4002", closes("jdk", "client", rawPeer, 4002, "application", "remote", 1));
    }

    /**
     * Why: what the listener's onError is told; nothing for a FIN (the JDK tells onClose 1006). A reset is a
     * {@code SocketException} or the {@code IOException} the JDK makes of it, as its reader or its writer sees it
     * first.
     */
    @Test
    void peerDropsTheJdkClientWithFinOrReset() throws Exception {
        play("jdk-raw-peer fin", closes("jdk", "client", rawPeer, 1006, "abnormal", "none", 1),
                causes("jdk", "client", rawPeer, 1006, "none", 1));
        Map<String, Double> reset = closes("jdk", "client", rawPeer, 1006, "abnormal", "none", 1);
        playExpectingOneOf("jdk-raw-peer rst", List.of(
                merged(reset, causes("jdk", "client", rawPeer, 1006, "java.net.SocketException", 1)),
                merged(reset, causes("jdk", "client", rawPeer, 1006, "java.io.IOException", 1))));
    }

    /** The JDK rejects 1005 on the wire and fails the connection by sending 1002 itself, telling onError why. */
    @Test
    void peerPutsAnIllegalCodeOnTheWireToTheJdkClient() throws Exception {
        play("jdk-raw-peer close/1005", closes("jdk", "client", rawPeer, 1002, "protocol_error", "local", 1),
                causes("jdk", "client", rawPeer, 1002, "jdk.internal.net.http.websocket.FailWebSocketException", 1));
    }

    /** Containers differ: Tomcat, Undertow and Tyrus report an empty close frame as 1000, Jetty as 1005. */
    @Test
    void peerSendsAnEmptyCloseFrameToTheContainer() throws Exception {
        int code = container.emptyCloseFrameCode;
        play("raw-client close/empty /annotated/x",
                closes(api, "server", "/annotated/{room}", code, category(code), "remote", 1));
    }

    /**
     * Containers differ: Tomcat, Undertow and Tyrus report their own idle timeout as 1006, Jetty as 1001. Its cause is
     * {@code idle_timeout} on every one.
     */
    @Test
    void theContainersIdleTimeoutEndsASession() throws Exception {
        Map<String, Double> client = merged(closes("jdk", "client", server, container.idleTimeoutClientCode,
                category(container.idleTimeoutClientCode), "remote", 1),
                causes("jdk", "client", server, container.idleTimeoutClientCode, "none", 1));
        playExpectingOneOf("jdk-idle /idle", container.idleTimeoutCodes.stream()
                .map(code -> merged(client, closes(api, "server", "/idle", code, category(code),
                        container.idleTimeoutInitiator, 1), causes(api, "server", "/idle", code, "idle_timeout", 1)))
                .toList());
    }

    /**
     * The container closes by itself with 1009 (a message over the session's limit), a close no WebSocket API call
     * shows: Tomcat's, Jetty's and Undertow's own hooks see it (see {@link Container}).
     */
    @Test
    void theContainerClosesAMessageTooBig() throws Exception {
        play("jdk-send-text 64 /small",
                closes(api, "server", "/small", 1009, "protocol_error", container.ownCloseInitiator, 1),
                closes("jdk", "client", server, 1009, "protocol_error", "remote", 1));
    }

    /** The same on the client side: the server sends more than the container's client session takes. */
    @Test
    void theClientContainerClosesAMessageTooBig() throws Exception {
        Assumptions.assumeTrue(container != Container.TYRUS_22,
                "Tyrus's client takes a text message over its session's buffer size: there is no limit to exceed");
        play("container-client-too-big /annotated/big",
                closes(api, "client", server, 1009, "protocol_error", container.ownCloseInitiator, 1),
                closes(api, "server", "/annotated/{room}", 1009, "protocol_error", "remote", 1));
    }

    /**
     * The container's own client: its message handler throws on the server's message and its error callback closes
     * with 1011 (containers differ: see {@link Container#clientHandlerFailureCode}). The exception is the client's
     * cause; the server was told no error.
     */
    @Test
    void aClientHandlerThatThrowsIsTheCauseOfItsClose() throws Exception {
        int sent = container.clientHandlerFailureCode();
        int told = container.clientHandlerFailureCodeTold();
        Map<String, Double> client = merged(closes(api, "client", server, told, category(told), "local", 1),
                causes(api, "client", server, told, "java.lang.IllegalStateException", 1));
        Map<String, Double> received = merged(client,
                closes(api, "server", "/annotated/{room}", sent, category(sent), "remote", 1),
                causes(api, "server", "/annotated/{room}", sent, "none", 1));
        // Jetty 9.4's client drops the connection at once: its frame may not reach the server.
        Map<String, Double> dropped = merged(client,
                closes(api, "server", "/annotated/{room}", 1006, "abnormal", "none", 1),
                causes(api, "server", "/annotated/{room}", 1006, "none", 1));
        playExpectingOneOf("container-client-fails /annotated/fails",
                told == sent ? List.of(received) : List.of(received, dropped));
    }

    /** Containers differ: Tomcat, Undertow and Tyrus refuse a received 1012 and report 1002; Jetty passes it on. */
    @Test
    void peerClosesTheContainerWith1012() throws Exception {
        play("raw-client close/1012 /annotated/x", closes(api, "server", "/annotated/{room}",
                container.received1012Code, category(container.received1012Code), container.received1012Initiator,
                1));
    }

    @Test
    void peerClosesTheContainerWithLibraryAndApplicationCodes() throws Exception {
        play("raw-client close/3002 /programmatic/x",
                closes(api, "server", "/programmatic/{id}", 3002, "library", "remote", 1));
        play("raw-client close/4003 /annotated-silent",
                closes(api, "server", "/annotated-silent", 4003, "application", "remote", 1));
    }

    /** The cause is the I/O error the container reports, or none where it reports none (see {@link Container}). */
    @Test
    void peerDropsTheContainerWithFinOrReset() throws Exception {
        play("raw-client fin /annotated/x",
                closes(api, "server", "/annotated/{room}", 1006, "abnormal", "none", 1),
                causes(api, "server", "/annotated/{room}", 1006, container.droppedCause(false), 1));
        play("raw-client rst /programmatic-plain",
                closes(api, "server", "/programmatic-plain", 1006, "abnormal", "none", 1),
                causes(api, "server", "/programmatic-plain", 1006, container.droppedCause(true), 1));
    }

    /** Every container turns an illegal code on the wire into 1002; who closed differs (see {@link Container}). */
    @Test
    void peerPutsAnIllegalCodeOnTheWireToTheContainer() throws Exception {
        play("raw-client close/1005 /annotated/x", closes(api, "server", "/annotated/{room}", 1002, "protocol_error",
                container.illegalCodeInitiator, 1));
    }

    /**
     * Spring's handler sits on a jakarta Endpoint adapter (Tomcat) or on Jetty's own API (Jetty): once per session,
     * under the mapping's pattern.
     */
    @Test
    void springHandlersAreCountedOnceUnderTheirMappingPattern() throws Exception {
        Assumptions.assumeTrue(container.springApi != null, "Spring runs on the Spring hosts only");
        String spring = container.springApi;
        play("jdk-client-close 1000 /ws/7",
                closes("jdk", "client", server, 1000, "normal", "local", 1),
                closes(spring, "server", "/ws/{id}", 1000, "normal", "remote", 1));
        play("jdk-server-close 4001 /ws/8",
                closes(spring, "server", "/ws/{id}", 4001, "application", "local", 1),
                closes("jdk", "client", server, 4001, "application", "remote", 1));
        play("jdk-abort /ws/9",
                closes("jdk", "client", server, 1006, "abnormal", "local", 1),
                closes(spring, "server", "/ws/{id}", 1006, "abnormal", "none", 1));
    }

    /** A TextWebSocketHandler that throws: Spring closes with 1011 itself, and the cause is what the handler threw. */
    @Test
    void aSpringHandlerThatThrowsIsTheCauseOfItsClose() throws Exception {
        Assumptions.assumeTrue(container.springApi != null, "Spring runs on the Spring hosts only");
        play("jdk-throw /ws/10",
                closes(container.springApi, "server", "/ws/{id}", 1011, "server_error", "local", 1),
                closes("jdk", "client", server, 1011, "server_error", "remote", 1),
                causes(container.springApi, "server", "/ws/{id}", 1011, "java.lang.IllegalStateException", 1),
                causes("jdk", "client", server, 1011, "none", 1));
    }

    /** SockJS's WebSocket transport and a STOMP endpoint: once per session, under the mapping's pattern. */
    @Test
    void springSockJsAndStompSessionsAreCountedOnceUnderTheirPatterns() throws Exception {
        Assumptions.assumeTrue(container.springApi != null, "Spring runs on the Spring hosts only");
        String spring = container.springApi;
        play("jdk-client-close 1000 /sockjs/000/session1/websocket",
                closes("jdk", "client", server, 1000, "normal", "local", 1),
                closes(spring, "server", "/sockjs/**", 1000, "normal", "remote", 1));
        play("jdk-client-close 1000 /stomp",
                closes("jdk", "client", server, 1000, "normal", "local", 1),
                closes(spring, "server", "/stomp", 1000, "normal", "remote", 1));
    }

    /** OkHttp's WebSocket client against the container (the Tomcat 11 host's runtime has OkHttp 5). */
    @Test
    void okHttpsClientClosesAndIsClosedAndCancels() throws Exception {
        Assumptions.assumeTrue(container == Container.TOMCAT_11, "OkHttp is in the Tomcat 11 host's runtime only");
        play("okhttp-client-close 1000 /annotated/ok1",
                closes("okhttp", "client", server, 1000, "normal", "local", 1),
                closes(api, "server", "/annotated/{room}", 1000, "normal", "remote", 1));
        play("okhttp-server-close 4001 /annotated/ok2",
                closes("okhttp", "client", server, 4001, "application", "remote", 1),
                closes(api, "server", "/annotated/{room}", 4001, "application", "local", 1));
        play("okhttp-cancel /annotated/ok3",
                closes("okhttp", "client", server, 1006, "abnormal", "local", 1),
                closes(api, "server", "/annotated/{room}", 1006, "abnormal", "none", 1));
    }

    /**
     * OkHttp's client against a raw peer. OkHttp rejects an illegal code on the wire by failing the session, which
     * its listener sees as a failure with no code: 1006 with no close frame recorded.
     */
    @Test
    void okHttpsClientIsEndedByAPeer() throws Exception {
        Assumptions.assumeTrue(container == Container.TOMCAT_11, "OkHttp is in the Tomcat 11 host's runtime only");
        play("okhttp-raw-peer close/4002", closes("okhttp", "client", rawPeer, 4002, "application", "remote", 1));
        play("okhttp-raw-peer close/3001", closes("okhttp", "client", rawPeer, 3001, "library", "remote", 1));
        play("okhttp-raw-peer close/empty", closes("okhttp", "client", rawPeer, 1005, "no_status", "remote", 1));
        play("okhttp-raw-peer fin", closes("okhttp", "client", rawPeer, 1006, "abnormal", "none", 1),
                causes("okhttp", "client", rawPeer, 1006, "java.io.EOFException", 1));
        play("okhttp-raw-peer rst", closes("okhttp", "client", rawPeer, 1006, "abnormal", "none", 1),
                causes("okhttp", "client", rawPeer, 1006, "java.net.SocketException", 1));
        play("okhttp-raw-peer close/1005", closes("okhttp", "client", rawPeer, 1006, "abnormal", "none", 1),
                causes("okhttp", "client", rawPeer, 1006, "java.net.ProtocolException", 1));
    }

    /**
     * A client listener that throws on a message: the JDK hands the exception to the listener's {@code onError} and
     * OkHttp to its {@code onFailure}, each dropping the connection without a close frame (1006, initiator none); the
     * exception is the cause.
     */
    @Test
    void aClientListenerThatThrowsIsTheCauseOfItsEnd() throws Exception {
        Assumptions.assumeTrue(container == Container.TOMCAT_11, "OkHttp is in the Tomcat 11 host's runtime only");
        String failure = "java.lang.IllegalStateException";
        play("jdk-listener-throws", closes("jdk", "client", rawPeer, 1006, "abnormal", "none", 1),
                causes("jdk", "client", rawPeer, 1006, failure, 1));
        play("okhttp-listener-throws", closes("okhttp", "client", rawPeer, 1006, "abnormal", "none", 1),
                causes("okhttp", "client", rawPeer, 1006, failure, 1));
    }

    /** A peer that answers no ping: OkHttp's ping timeout fails the session, with a SocketTimeoutException. */
    @Test
    void anOkHttpPingThatTimesOutIsTheCauseOfItsEnd() throws Exception {
        Assumptions.assumeTrue(container == Container.TOMCAT_11, "OkHttp is in the Tomcat 11 host's runtime only");
        play("okhttp-ping-timeout", closes("okhttp", "client", rawPeer, 1006, "abnormal", "none", 1),
                causes("okhttp", "client", rawPeer, 1006, "java.net.SocketTimeoutException", 1));
    }

    @Test
    void concurrentOkHttpSessionsAreCountedExactly() throws Exception {
        Assumptions.assumeTrue(container == Container.TOMCAT_11, "OkHttp is in the Tomcat 11 host's runtime only");
        play("okhttp-concurrent 150 /annotated/okload",
                closes("okhttp", "client", server, 1000, "normal", "local", 50),
                closes(api, "server", "/annotated/{room}", 1000, "normal", "remote", 50),
                closes("okhttp", "client", server, 4001, "application", "remote", 50),
                closes(api, "server", "/annotated/{room}", 4001, "application", "local", 50),
                closes("okhttp", "client", server, 1006, "abnormal", "local", 50),
                closes(api, "server", "/annotated/{room}", 1006, "abnormal", "none", 50));
    }

    /** A peer closing 2000 sessions with 2000 codes: the first 50 keep their series, the rest are "other". */
    @Test
    void codesPastTheCapAreCountedAsOtherAndTheTotalStaysExact() throws Exception {
        Assumptions.assumeTrue(container == Container.TOMCAT_11, "capping is the agent's, not the container's");
        List<Map<String, Double>> expected = new ArrayList<>();
        for (int code = 3000; code < 3000 + MAX_CODES; code++) {
            expected.add(closes(api, "server", "/codes", code, "library", "remote", 1));
        }
        expected.add(closes(api, "server", "/codes", "other", "library", "remote", 1000 - MAX_CODES));
        expected.add(closes(api, "server", "/codes", "other", "application", "remote", 1000));
        double cappedBefore = capped("code");
        play("raw-client-codes 3000 2000 /codes", expected.toArray(new Map[0]));
        assertEquals(2000 - MAX_CODES, capped("code") - cappedBefore, "closewatch_labels_capped_total{label=code}");
    }

    /**
     * Handlers throwing 12 kinds of exception: the first 8 causes keep their series, the rest are "other" (the first
     * kind is the one {@link #aHandlerThatThrowsIsTheCauseOfItsClose} throws: the same 8 either way).
     */
    @Test
    void causesPastTheCapAreCountedAsOtherAndTheTotalStaysExact() throws Exception {
        Assumptions.assumeTrue(container == Container.TOMCAT_11, "capping is the agent's, not the container's");
        String[] kinds = {"java.lang.IllegalStateException", "java.lang.IllegalArgumentException",
            "java.lang.UnsupportedOperationException", "java.lang.ArithmeticException", "java.lang.ArrayStoreException",
            "java.lang.ClassCastException", "java.lang.NegativeArraySizeException",
            "java.lang.IndexOutOfBoundsException"};
        List<Map<String, Double>> expected = new ArrayList<>(List.of(
                closes(api, "server", "/failing/{id}", 1011, "server_error", "local", 12),
                closes("jdk", "client", server, 1011, "server_error", "remote", 12),
                causes("jdk", "client", server, 1011, "none", 12),
                causes(api, "server", "/failing/{id}", 1011, "other", 12 - MAX_CAUSES)));
        for (String kind : kinds) {
            expected.add(causes(api, "server", "/failing/{id}", 1011, kind, 1));
        }
        double cappedBefore = capped("cause");
        play("jdk-throw-kinds 12 /failing/kinds", expected.toArray(new Map[0]));
        assertEquals(12 - MAX_CAUSES, capped("cause") - cappedBefore, "closewatch_labels_capped_total{label=cause}");
    }

    private double capped(String label) throws Exception {
        return Scrape.of(host.metricsPort()).values("closewatch_labels_capped_total", "application", "release")
                .getOrDefault("{label=" + label + "}", 0.0);
    }

    @Test
    void concurrentSessionsWithMixedEndingsAreCountedExactly() throws Exception {
        play("concurrent 150 /annotated/load",
                closes("jdk", "client", server, 1000, "normal", "local", 50),
                closes(api, "server", "/annotated/{room}", 1000, "normal", "remote", 50),
                closes("jdk", "client", server, 4001, "application", "remote", 50),
                closes(api, "server", "/annotated/{room}", 4001, "application", "local", 50),
                closes("jdk", "client", server, 1006, "abnormal", "local", 50),
                closes(api, "server", "/annotated/{room}", 1006, "abnormal", "none", 50));
    }

    @Test
    void everySeriesCarriesApplicationAndReleaseFromTheirConfiguredSources() throws Exception {
        play("jdk-client-close 1000 /annotated/labels",
                closes("jdk", "client", server, 1000, "normal", "local", 1),
                closes(api, "server", "/annotated/{room}", 1000, "normal", "remote", 1));
        Scrape scrape = Scrape.of(host.metricsPort());
        List<Scrape.Sample> closes = scrape.named("websocket_closes_total");
        assertTrue(closes.size() >= 2, scrape.body);
        for (Scrape.Sample sample : closes) {
            assertEquals("it-release", sample.labels().get("release"), sample.toString());
            assertEquals("it-host", sample.labels().get("application"), sample.toString());
        }
        List<Scrape.Sample> info = scrape.named("closewatch_agent_info");
        assertEquals(1, info.size(), scrape.body);
        assertEquals(1.0, info.get(0).value());
        assertEquals("it-release", info.get(0).labels().get("release"), "the agent's own meters carry them too");
        assertEquals("it-host", info.get(0).labels().get("application"), info.toString());
        assertTrue(info.get(0).labels().get("version").matches("\\d+\\.\\d+\\.\\d+.*"), info.toString());
    }

    @Test
    void everyCountedSessionHasOneDurationObservation() throws Exception {
        play("jdk-server-close 1011 /annotated/duration",
                closes(api, "server", "/annotated/{room}", 1011, "server_error", "local", 1),
                closes("jdk", "client", server, 1011, "server_error", "remote", 1));
        Scrape scrape = Scrape.of(host.metricsPort());
        double counted = scrape.values("websocket_closes_total").values().stream().mapToDouble(d -> d).sum();
        double observed = scrape.values("websocket_session_duration_seconds_count").values().stream()
                .mapToDouble(d -> d).sum();
        assertEquals(counted, observed, scrape.body);
        String serverErrors = "{api=" + api + ", application=it-host, category=server_error, endpoint=/annotated/{room}, "
                + "le=+Inf, release=it-release, side=server}";
        assertTrue(scrape.values("websocket_session_duration_seconds_bucket").getOrDefault(serverErrors, 0.0) >= 1,
                scrape.body);
    }

    @Test
    void oneStartUpLineSaysWhereMetricsAreAndEachStackInUseIsNamedAsCounted() throws Exception {
        play("jdk-client-close 1000 /annotated/stacks",
                closes("jdk", "client", server, 1000, "normal", "local", 1),
                closes(api, "server", "/annotated/{room}", 1000, "normal", "remote", 1));
        List<String> lines = host.stderr().lines().filter(line -> line.contains("Closewatch")).toList();
        String metricsAt = " metrics at http://0.0.0.0:" + host.metricsPort()
                + "/metrics (application=it-host, release=it-release)";
        assertEquals(1, lines.stream().filter(line -> line.contains(" started; ") && line.contains(metricsAt))
                .count(), host.stderr());
        assertEquals(List.of(), lines.stream().filter(line -> line.contains("does not count")
                || line.contains("cannot hook")).toList(), "every stack in use is counted and hooked");
        Map<String, Double> stacks = Scrape.of(host.metricsPort()).values("closewatch_stack_info", "application",
                "release");
        for (String stack : new String[] {"java.net.http", container.stack()}) {
            assertEquals(1.0, stacks.get("{counted=true, stack=" + stack + "}"), stack + " in " + stacks);
            assertEquals(1, lines.stream().filter(line -> line.contains("counts the WebSocket closes of " + stack
                    + " (")).count(), host.stderr());
        }
        assertTrue(stacks.keySet().stream().noneMatch(key -> key.contains("counted=false")), stacks.toString());
    }

    @Test
    void openMetricsIsServedWhenAsked() throws Exception {
        Scrape scrape = Scrape.of(host.metricsPort(), "application/openmetrics-text; version=1.0.0");
        assertTrue(scrape.contentType.startsWith("application/openmetrics-text"), scrape.contentType);
        assertTrue(scrape.body.stripTrailing().endsWith("# EOF"), scrape.body);
        Scrape text = Scrape.of(host.metricsPort());
        assertTrue(text.contentType.startsWith("text/plain"), text.contentType);
    }

    /** Plays a scenario, then waits until the closes counters changed by exactly {@code expected}, and stay so. */
    @SafeVarargs
    private void play(String scenario, Map<String, Double>... expected) throws Exception {
        playExpectingOneOf(scenario, List.of(merged(expected)));
    }

    /** As {@link #play}, where the container may report the scenario in more than one way. */
    private void playExpectingOneOf(String scenario, List<Map<String, Double>> acceptable) throws Exception {
        closes.play(scenario, acceptable);
    }

    @SafeVarargs
    private static Map<String, Double> merged(Map<String, Double>... series) {
        Map<String, Double> all = new TreeMap<>();
        for (Map<String, Double> one : series) {
            one.forEach((k, v) -> all.merge(k, v, Double::sum));
        }
        return all;
    }

    /** The categories of the codes containers differ on, written out here rather than taken from the agent. */
    private static String category(int code) {
        switch (code) {
            case 1000: return "normal";
            case 1001: return "going_away";
            case 1002: return "protocol_error";
            case 1003: return "protocol_error";
            case 1005: return "no_status";
            case 1006: return "abnormal";
            case 1008: return "policy_violation";
            case 1011: return "server_error";
            case 1012: return "server_error";
            default: throw new IllegalArgumentException("add " + code + " to the table");
        }
    }

    private static Map<String, Double> causes(String api, String side, String endpoint, int code, String cause,
                                              int count) {
        Map<String, String> labels = new TreeMap<>(Map.of("api", api, "side", side, "endpoint", endpoint,
                "code", Integer.toString(code), "cause", cause));
        return Map.of(CountedCloses.CAUSES + labels, (double) count);
    }

    private static Map<String, Double> closes(String api, String side, String endpoint, int code, String category,
                                              String initiator, int count) {
        return closes(api, side, endpoint, Integer.toString(code), category, initiator, count);
    }

    private static Map<String, Double> closes(String api, String side, String endpoint, String code,
                                              String category, String initiator, int count) {
        Map<String, String> labels = new TreeMap<>(Map.of("api", api, "side", side, "endpoint", endpoint,
                "code", code, "category", category, "initiator", initiator));
        return Map.of(labels.toString(), (double) count);
    }
}
