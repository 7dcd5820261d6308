package io.closewatch.agent.instrumentation.jdk;

import example.jdk.WebSocketDriver;
import io.closewatch.agent.HookHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hooks on the JDK's WebSocket client, on a stand-in of {@code WebSocketImpl} (fast tier, see HookHarness). */
class JdkWebSocketHooksTest {
    private static final String WEB_SOCKET_IMPL = "jdk.internal.net.http.websocket.WebSocketImpl";
    private static final String ORIGIN = "ws://127.0.0.1:8080";

    private final HookHarness hooks = new HookHarness(List.of(new JdkWebSocketInstrumentation()), List.of(),
            Map.of(WEB_SOCKET_IMPL, "example.jdk.WebSocketImpl"));

    @AfterEach
    void uninstall() {
        hooks.close();
    }

    private WebSocketDriver open() throws Exception {
        return (WebSocketDriver) hooks.newInstance(WEB_SOCKET_IMPL, new Class<?>[] {URI.class, String.class},
                URI.create(ORIGIN + "/chat/42?token=secret"), "");
    }

    @Test
    void theClientClosesAndThePeerEchoes() throws Exception {
        WebSocketDriver webSocket = open();
        assertEquals(1.0, hooks.active(), "the constructor opens the session");
        webSocket.sendsClose(1000);
        webSocket.receivesClose(1000);
        webSocket.tellsListenerClosed();
        webSocket.tellsListenerClosed();
        assertEquals(Map.of("jdk client " + ORIGIN + " 1000 normal local", 1.0), hooks.closes());
        assertEquals(0.0, hooks.active());
    }

    @Test
    void thePeerClosesAndTheClientEchoes() throws Exception {
        WebSocketDriver webSocket = open();
        webSocket.receivesClose(4001);
        webSocket.sendsClose(4001);
        webSocket.tellsListenerClosed();
        assertEquals(Map.of("jdk client " + ORIGIN + " 4001 application remote", 1.0), hooks.closes());
    }

    @Test
    void anAbortEndsTheSessionAtOnceAndTheLaterErrorIsNotCounted() throws Exception {
        WebSocketDriver webSocket = open();
        webSocket.abort();
        assertEquals(Map.of("jdk client " + ORIGIN + " 1006 abnormal local", 1.0), hooks.closes());
        webSocket.tellsListenerFailed();
        assertEquals(Map.of("jdk client " + ORIGIN + " 1006 abnormal local", 1.0), hooks.closes());
    }

    @Test
    void anEndOfStreamWithoutACloseFrameIs1006None() throws Exception {
        WebSocketDriver webSocket = open();
        webSocket.receivesClose(1006);
        webSocket.tellsListenerFailed();
        assertEquals(Map.of("jdk client " + ORIGIN + " 1006 abnormal none", 1.0), hooks.closes());
    }

    /** The JDK sends 1002 itself inside processError, before it tells the listener: counted on the way out. */
    @Test
    void aProtocolErrorTheJdkClosesIsLocal() throws Exception {
        WebSocketDriver webSocket = open();
        webSocket.sendsClose(1002);
        webSocket.tellsListenerFailed();
        assertEquals(Map.of("jdk client " + ORIGIN + " 1002 protocol_error local", 1.0), hooks.closes());
    }
}
