package io.closewatch.agent.instrumentation.javawebsocket;

import io.closewatch.agent.HookHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.closewatch.agent.HookHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The module on real Java-WebSocket (the agent's compile-time copy, defined through the hooks with a server and
 * client of it on 127.0.0.1, {@code example.javawebsocket.Loopback}): each session once, on both sides, with its code
 * and initiator; a handshake that failed is no session. A session is counted as {@code closeConnection} returns,
 * just after the application was told: the tests wait for the count.
 */
class JavaWebSocketHooksTest {
    private HookHarness hooks;
    private Object loopback;
    private String server;

    @BeforeEach
    void startLoopback() throws Exception {
        hooks = new HookHarness(List.of(new JavaWebSocketInstrumentation()), "org.java_websocket.",
                "example.javawebsocket.");
        hooks.type("org.java_websocket.WebSocketImpl");
        hooks.type("org.java_websocket.drafts.Draft_6455");
        loopback = hooks.loaded("example.javawebsocket.Loopback").getDeclaredConstructor().newInstance();
        server = "ws://127.0.0.1:" + call(loopback, "port", new Class<?>[0]);
    }

    @AfterEach
    void stopLoopback() throws Exception {
        if (loopback != null) {
            call(loopback, "close", new Class<?>[0]);
        }
        hooks.close();
    }

    private void play(String scenario, Object... arguments) throws Exception {
        Class<?>[] types = new Class<?>[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            types[i] = arguments[i] instanceof Integer ? int.class : arguments[i].getClass();
        }
        call(loopback, scenario, types, arguments);
    }

    @Test
    void theClientsCloseIsLocalOnItsSideAndRemoteOnTheServersUnderThePathWithoutItsQuery() throws Exception {
        play("clientCloses", "/chat/1?token=secret", 1000);
        Map<String, Double> expected = Map.of("java-websocket client " + server + " 1000 normal local", 1.0,
                "java-websocket server /chat/1 1000 normal remote", 1.0);
        assertEquals(expected, hooks.awaitCloses(expected));
        assertEquals(0.0, hooks.active());
    }

    @Test
    void theServersCloseIsRemoteOnTheClientsSide() throws Exception {
        play("serverCloses", "/chat/2", 4001);
        Map<String, Double> expected = Map.of("java-websocket client " + server + " 4001 application remote", 1.0,
                "java-websocket server /chat/2 4001 application local", 1.0);
        assertEquals(expected, hooks.awaitCloses(expected));
    }

    @Test
    void theServersCloseWith1006IsAnAbort() throws Exception {
        play("serverAborts", "/chat/5");
        Map<String, Double> expected = Map.of("java-websocket client " + server + " 1006 abnormal none", 1.0,
                "java-websocket server /chat/5 1006 abnormal local", 1.0);
        assertEquals(expected, hooks.awaitCloses(expected));
    }

    /**
     * The application's {@code closeConnection} is the one Java-WebSocket itself calls on an I/O error: a connection
     * gone without a close frame on both sides, 1006 {@code none}.
     */
    @Test
    void aConnectionDroppedWithoutACloseFrameIs1006OnBothSides() throws Exception {
        play("clientDropsTheConnection", "/chat/3");
        Map<String, Double> expected = Map.of("java-websocket client " + server + " 1006 abnormal none", 1.0,
                "java-websocket server /chat/3 1006 abnormal none", 1.0);
        assertEquals(expected, hooks.awaitCloses(expected));
    }

    /** The refused client is over before the next session starts: that session's count is all there is. */
    @Test
    void aHandshakeThatFailedIsNoSession() throws Exception {
        play("clientIsRefused");
        play("clientCloses", "/chat/6", 1000);
        Map<String, Double> expected = Map.of("java-websocket client " + server + " 1000 normal local", 1.0,
                "java-websocket server /chat/6 1000 normal remote", 1.0);
        assertEquals(expected, hooks.awaitCloses(expected));
        assertEquals(0.0, hooks.active());
    }
}
