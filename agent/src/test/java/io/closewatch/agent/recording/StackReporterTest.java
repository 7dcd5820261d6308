package io.closewatch.agent.recording;

import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.jdk.JdkWebSocketInstrumentation;
import io.closewatch.agent.metrics.CloseMeters;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StackReporterTest {
    private final PrometheusMeterRegistry registry = CloseMeters.newRegistry("app", "1");
    private final CapturingLogger log = new CapturingLogger();
    private final JdkWebSocketInstrumentation jdk = new JdkWebSocketInstrumentation();
    private final TypeHooks jdkHooks = jdk.hooks().get(0);
    private final StackReporter reporter = new StackReporter(new CloseMeters(registry, "test", 10, 10, 20),
            new AgentErrors(registry, log), log, List.of(jdk));

    private Map<String, Double> stacks() {
        Map<String, Double> stacks = new TreeMap<>();
        for (Gauge gauge : registry.find("closewatch.stack.info").gauges()) {
            stacks.put(gauge.getId().getTag("stack") + " counted=" + gauge.getId().getTag("counted"), gauge.value());
        }
        return stacks;
    }

    @Test
    void aCountedStackAppearsOnceItsFirstClassIsHooked() {
        assertEquals(Map.of(), stacks());
        reporter.hooked(jdk, jdkHooks, "jdk.internal.net.http.websocket.WebSocketImpl");
        reporter.hooked(jdk, jdkHooks, "jdk.internal.net.http.websocket.WebSocketImpl$ReceiveTask");
        assertEquals(Map.of("java.net.http counted=true", 1.0), stacks());
        assertEquals(List.of("INFO Closewatch counts the WebSocket closes of java.net.http (hooked "
                + "jdk.internal.net.http.websocket.WebSocketImpl)"), log.lines);
    }

    /** A type other stacks use too (Jetty's negotiator) is hooked, yet the stack may not be in use. */
    @Test
    void aSharedTypeHookedShowsNoStack() {
        reporter.hooked(jdk, jdkHooks.shared(), "org.eclipse.jetty.websocket.core.server.internal.CreatorNegotiator");
        assertEquals(Map.of(), stacks());
        assertEquals(List.of(), log.lines);
    }

    @Test
    void aStackNoModuleCountsIsNamedOnce() {
        reporter.seen("netty", "io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker13");
        reporter.seen("netty", "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker13");
        assertEquals(Map.of("netty counted=false", 1.0), stacks());
        assertEquals(List.of("WARN Closewatch does not count the WebSocket closes of netty "
                + "(io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker13 loaded): its sessions are "
                + "missing from websocket_closes_total"), log.lines);
    }

    /** The handshake detector's finds: named once per package, and their handshakes counted by package. */
    @Test
    void anImplementationNoModuleCoversIsNamedOncePerPackage() {
        reporter.uncounted("com.example.ws.Handshake");
        reporter.uncounted("com.example.ws.Client");
        reporter.uncounted("Unpackaged");
        assertEquals(Map.of("com.example.ws counted=false", 1.0, "Unpackaged counted=false", 1.0), stacks());
        assertEquals(List.of("WARN Closewatch does not count the WebSocket closes of com.example.ws: "
                + "com.example.ws.Handshake holds the WebSocket accept GUID and no stack Closewatch counts covers it; "
                + "its handshakes are counted in closewatch_handshakes_uncounted_total "
                + "(implementation=\"com.example.ws\")", "WARN Closewatch does not count the WebSocket closes of "
                + "Unpackaged: Unpackaged holds the WebSocket accept GUID and no stack Closewatch counts covers it; its "
                + "handshakes are counted in closewatch_handshakes_uncounted_total (implementation=\"Unpackaged\")"),
                log.lines);
    }

    /** A stack a module counts, seen by a class of it (Spring, whose hooks sit on the containers), is counted. */
    @Test
    void aSightingOfACountedStackIsCountedOnceAndNoWarning() {
        reporter.seen("java.net.http", "jdk.internal.net.http.websocket.WebSocketImpl");
        reporter.hooked(jdk, jdkHooks, "jdk.internal.net.http.websocket.WebSocketImpl");
        assertEquals(Map.of("java.net.http counted=true", 1.0), stacks());
        assertEquals(List.of("INFO Closewatch counts the WebSocket closes of java.net.http "
                + "(jdk.internal.net.http.websocket.WebSocketImpl loaded)"), log.lines);
    }

    @Test
    void aHookThatCannotBeAppliedIsNamedOnceAndCounted() {
        IllegalStateException missing = new IllegalStateException("Cannot locate field named wsSession");
        reporter.failed(null, "org.apache.tomcat.websocket.server.WsHttpUpgradeHandler", missing);
        reporter.failed(null, "org.apache.tomcat.websocket.server.WsHttpUpgradeHandler", missing);
        reporter.failed(null, "org.apache.tomcat.websocket.WsFrameClient", missing);
        assertEquals(2.0, registry.find("closewatch.agent.errors").tag("reason", "instrumentation").counter().count());
        assertEquals(2, log.lines.size(), log.lines.toString());
        assertEquals("WARN Closewatch cannot hook org.apache.tomcat.websocket.server.WsHttpUpgradeHandler "
                + "(java.lang.IllegalStateException: Cannot locate field named wsSession); it loads unchanged and the "
                + "closes it handles are not counted. Is it a version Closewatch does not know?", log.lines.get(0));
    }

    /** A stack is never said to be counted while one of its hooks could not be applied. */
    @Test
    void aFailedHookTurnsItsStackNotCountedForGood() {
        reporter.hooked(jdk, jdkHooks, "jdk.internal.net.http.websocket.WebSocketImpl");
        reporter.failed(jdk, "jdk.internal.net.http.websocket.TransportImpl",
                new IllegalStateException("it has no method for X (read(..))"));
        reporter.hooked(jdk, jdkHooks, "jdk.internal.net.http.websocket.WebSocketImpl$ReceiveTask");
        reporter.seen("java.net.http", "jdk.internal.net.http.websocket.WebSocketImpl");
        assertEquals(Map.of("java.net.http counted=false", 1.0), stacks());
        assertEquals(1.0, registry.find("closewatch.agent.errors").tag("reason", "instrumentation").counter().count());
        assertEquals(List.of("INFO Closewatch counts the WebSocket closes of java.net.http (hooked "
                        + "jdk.internal.net.http.websocket.WebSocketImpl)",
                "WARN Closewatch cannot hook jdk.internal.net.http.websocket.TransportImpl (java.lang."
                        + "IllegalStateException: it has no method for X (read(..))); it loads unchanged and the "
                        + "WebSocket closes of java.net.http are not counted. Is it a version Closewatch does not "
                        + "know?"), log.lines);
    }

    @Test
    void aStackConfigurationDisabledIsNamedNotCountedOnce() {
        StackReporter withNettyOff = new StackReporter(new CloseMeters(registry, "test", 10, 10, 20),
                new AgentErrors(registry, log), log, List.of(jdk), java.util.Set.of("netty", "java.net.http"));
        withNettyOff.disabled(jdk, "jdk.internal.net.http.websocket.WebSocketImpl");
        withNettyOff.seen("java.net.http", "jdk.internal.net.http.websocket.WebSocketImpl");
        withNettyOff.seen("netty", "io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker13");
        assertEquals(Map.of("java.net.http counted=false", 1.0, "netty counted=false", 1.0), stacks());
        assertEquals(List.of("WARN Closewatch does not count the WebSocket closes of java.net.http "
                        + "(jdk.internal.net.http.websocket.WebSocketImpl loaded): configuration disabled it "
                        + "(stacks.disabled)",
                "WARN Closewatch does not count the WebSocket closes of netty (io.netty.handler.codec.http.websocketx"
                        + ".WebSocketServerHandshaker13 loaded): configuration disabled it (stacks.disabled)"),
                log.lines);
    }
}
