package io.closewatch.containers;

import java.util.List;

/**
 * The containers of the matrix, and what each reports to the application for the same thing on the wire. The agent
 * reports what the container reports, so the suite pins these differences (all measured) rather than hiding them.
 */
enum Container {
    //        module, api, empty frame; idle timeout: server codes, initiator, client code; received 1012: code,
    //        initiator; illegal code; who closes when the container closes by itself
    TOMCAT_11("tomcat11", "jakarta", 1000, List.of(1006), "local", 1001, 1002, "remote", "remote", "local", null),
    TOMCAT_10("tomcat10", "jakarta", 1000, List.of(1006), "local", 1001, 1002, "remote", "remote", "local", null),
    TOMCAT_9("tomcat9", "javax", 1000, List.of(1006), "local", 1001, 1002, "remote", "remote", "local", null),
    SPRING_62("spring62", "jakarta", 1000, List.of(1006), "local", 1001, 1002, "remote", "remote", "local",
            "jakarta"),
    // Spring 5.3 (Spring Boot 2.7) on Tomcat 9: javax.websocket.
    SPRING_53("spring53", "javax", 1000, List.of(1006), "local", 1001, 1002, "remote", "remote", "local", "javax"),
    SPRING_70("spring70", "jakarta", 1000, List.of(1006), "local", 1001, 1002, "remote", "remote", "local",
            "jakarta"),
    JETTY_12("jetty12", "jakarta", 1005, List.of(1001), "local", 1001, 1012, "remote", "local", "local", null),
    JETTY_11("jetty11", "jakarta", 1005, List.of(1001), "local", 1001, 1012, "remote", "local", "local", null),
    JETTY_10("jetty10", "javax", 1005, List.of(1001), "local", 1001, 1012, "remote", "local", "local", null),
    JETTY_94("jetty94", "javax", 1005, List.of(1001), "local", 1001, 1012, "remote", "local", "local", null),
    // Spring 5.3 (Spring Boot 2.7) on Jetty 9.4 upgrades through Jetty's own API, as on Jetty 12.
    SPRING_53_JETTY("spring53jetty", "javax", 1005, List.of(1001), "local", 1001, 1012, "remote", "local", "local",
            "jetty"),
    // Jetty's own API on both sides (ee10 server, WebSocketClient), with no jakarta.websocket in the JVM.
    JETTY_API_121("jettyapi121", "jetty", 1005, List.of(1001), "local", 1001, 1012, "remote", "local", "local", null),
    JETTY_API_120("jettyapi120", "jetty", 1005, List.of(1001), "local", 1001, 1012, "remote", "local", "local", null),
    JETTY_API_11("jettyapi11", "jetty", 1005, List.of(1001), "local", 1001, 1012, "remote", "local", "local", null),
    JETTY_API_10("jettyapi10", "jetty", 1005, List.of(1001), "local", 1001, 1012, "remote", "local", "local", null),
    JETTY_API_94("jettyapi94", "jetty", 1005, List.of(1001), "local", 1001, 1012, "remote", "local", "local", null),
    // Spring upgrades on Jetty through Jetty's own API: its handlers' sessions are api="jetty".
    SPRING_62_JETTY("spring62jetty", "jakarta", 1005, List.of(1001), "local", 1001, 1012, "remote", "local", "local",
            "jetty"),
    SPRING_62_JETTY_120("spring62jetty120", "jakarta", 1005, List.of(1001), "local", 1001, 1012, "remote", "local",
            "local", "jetty"),
    SPRING_70_JETTY("spring70jetty", "jakarta", 1005, List.of(1001), "local", 1001, 1012, "remote", "local", "local",
            "jetty"),
    // Undertow's core sends its own closes (1001 on its idle timeout, 1002 for a refused code, 1009) and tells the
    // application 1006 for the idle timeout; its hooks see those closes go out.
    UNDERTOW_23("undertow23", "jakarta", 1000, List.of(1006), "local", 1001, 1002, "local", "local", "local", null),
    SPRING_62_UNDERTOW("spring62undertow", "jakarta", 1000, List.of(1006), "local", 1001, 1002, "local", "local",
            "local", "jakarta"),
    SPRING_53_UNDERTOW("spring53undertow", "javax", 1000, List.of(1006), "local", 1001, 1002, "local", "local",
            "local", "javax"),
    // Tyrus closes idle sessions with 1000 and tells the application 1006, or 1000 when the peer's echo wins the race.
    TYRUS_22("tyrus22", "jakarta", 1000, List.of(1006, 1000), "local", 1000, 1002, "remote", "remote", "local", null);

    /** Its runtime module under containers/runtimes, and its name for the test host. */
    final String module;
    /** The {@code api} label: the WebSocket API its endpoints and its client are written against. */
    final String api;
    /** What it reports for a close frame with no payload (RFC 6455: 1005). */
    final int emptyCloseFrameCode;
    /** What it reports when its own idle timeout ends a session (any one of these), and who it says started that. */
    final List<Integer> idleTimeoutCodes;
    final String idleTimeoutInitiator;
    /** What the peer (a JDK client) receives when the container's idle timeout ends the session. */
    final int idleTimeoutClientCode;
    /** What it reports when the peer closes with 1012 (Service Restart), which Tomcat, Undertow and Tyrus refuse. */
    final int received1012Code;
    /**
     * Who the agent says closed then: Undertow refuses the frame and sends 1002 itself, which its hooks see; Tomcat
     * and Tyrus hand the application the peer's close as 1002.
     */
    final String received1012Initiator;
    /**
     * Who it says closed when the peer puts an illegal code (1005) on the wire; all report 1002. Jetty and Undertow
     * reject the frame before the application sees it and send 1002 themselves (local, as the JDK client does), and
     * their hooks see it; the others hand the application the peer's close as 1002 (remote).
     */
    final String illegalCodeInitiator;
    /**
     * Who the agent says closed when the container closes a session by itself with a code other than 1006 (a
     * message too big), as server or as client. Jetty's, Tomcat's and Undertow's hooks see such a close sent, and
     * Tyrus sends it through {@code Session.close}.
     */
    final String ownCloseInitiator;
    /** On a host with Spring WebSocket: the {@code api} its handlers' sessions are counted under; else null. */
    final String springApi;

    Container(String module, String api, int emptyCloseFrameCode, List<Integer> idleTimeoutCodes,
              String idleTimeoutInitiator,
              int idleTimeoutClientCode, int received1012Code, String received1012Initiator,
              String illegalCodeInitiator, String ownCloseInitiator, String springApi) {
        this.module = module;
        this.api = api;
        this.emptyCloseFrameCode = emptyCloseFrameCode;
        this.idleTimeoutCodes = idleTimeoutCodes;
        this.idleTimeoutInitiator = idleTimeoutInitiator;
        this.idleTimeoutClientCode = idleTimeoutClientCode;
        this.received1012Code = received1012Code;
        this.received1012Initiator = received1012Initiator;
        this.illegalCodeInitiator = illegalCodeInitiator;
        this.ownCloseInitiator = ownCloseInitiator;
        this.springApi = springApi;
    }

    /**
     * Whether its client sometimes drops the connection with its echo of the server's close frame still queued (Jetty
     * 9.4's, about one session in seven here): the server is then told 1006.
     */
    boolean clientMayDropItsCloseEcho() {
        return isJetty94();
    }

    private boolean isJetty94() {
        return this == JETTY_94 || this == SPRING_53_JETTY || this == JETTY_API_94;
    }

    /**
     * The cause of a session the peer dropped with a FIN (no close frame), or with a reset: the I/O error it tells
     * the endpoint's {@code onError}, or none where it tells none (Undertow and Jetty 9.4 of a FIN, Tyrus of either).
     */
    String droppedCause(boolean reset) {
        return switch (family()) {
            case "tomcat" -> reset ? "java.net.SocketException" : "java.io.EOFException";
            case "jetty" -> isJetty94() ? (reset ? "org.eclipse.jetty.io.EofException" : "none") : "java.nio.channels.ClosedChannelException";
            case "undertow" -> reset ? "java.net.SocketException" : "none";
            default -> "none";
        };
    }

    /**
     * The code a session ends with when its message handler throws and the endpoint's {@code @OnError} closes with
     * 1011 (Jetty's own API: {@code onWebSocketError}): the jakarta and javax implementations of Jetty 10 to 12.1's
     * ee10 close with 1003 themselves before {@code @OnError} can (the cause is the same); 12.1's ee11 (Spring 7's)
     * and Jetty's own API do not.
     */
    int handlerFailureCode() {
        return family().equals("jetty") && !api.equals("jetty") && !isJetty94() && !module.equals("spring70jetty")
                ? 1003 : 1011;
    }

    /**
     * The code the container's own client closes with when its message handler throws and its error callback closes
     * with 1011: as {@link #handlerFailureCode}, but Jetty 10 to 12.1's own API closes a client with 1008 itself.
     */
    int clientHandlerFailureCode() {
        return api.equals("jetty") && !isJetty94() ? 1008 : handlerFailureCode();
    }

    /** The code the container's client is told then: Jetty 9.4's client tells 1006 for the 1011 it sent. */
    int clientHandlerFailureCodeTold() {
        return isJetty94() ? 1006 : clientHandlerFailureCode();
    }

    private String family() {
        return module.contains("jetty") ? "jetty" : module.contains("undertow") ? "undertow"
                : module.contains("tyrus") ? "tyrus" : "tomcat";
    }

    /** The {@code stack} label of {@code closewatch_stack_info} its endpoints are counted under. */
    String stack() {
        return api.equals("jetty") ? "jetty-api" : api + ".websocket";
    }
}
