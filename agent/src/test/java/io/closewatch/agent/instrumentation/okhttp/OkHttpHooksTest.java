package io.closewatch.agent.instrumentation.okhttp;

import io.closewatch.agent.HookHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.net.ProtocolException;
import java.util.List;
import java.util.Map;

import static io.closewatch.agent.HookHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The hooks on OkHttp's WebSocket client, on stand-ins of {@code RealWebSocket} and its request (fast tier). */
class OkHttpHooksTest {
    private static final String REAL_WEB_SOCKET = "okhttp3.internal.ws.RealWebSocket";
    private static final String ORIGIN = "ws://127.0.0.1:8080";
    private static final Class<?>[] FAILURE = {Exception.class, Object.class, boolean.class};

    private final HookHarness hooks = new HookHarness(List.of(new OkHttpInstrumentation()), "okhttp3.");

    @AfterEach
    void uninstall() {
        hooks.close();
    }

    /** A web socket whose upgrade to {@code https ? wss : ws}://127.0.0.1:8080 succeeded, not yet reading. */
    private Object upgraded(boolean https, boolean client) throws Exception {
        Object webSocket = connecting(https, client);
        call(webSocket, "initReaderAndWriter", new Class<?>[0]);
        return webSocket;
    }

    /** A web socket before its upgrade: its request, which OkHttp keeps with an http(s) URL. */
    private Object connecting(boolean https, boolean client) throws Exception {
        Class<?> urlType = hooks.loaded("okhttp3.HttpUrl");
        Class<?> requestType = hooks.loaded("okhttp3.Request");
        Object url = urlType.getConstructor(boolean.class, String.class, int.class).newInstance(https, "127.0.0.1",
                8080);
        Object request = requestType.getConstructor(urlType).newInstance(url);
        return hooks.newInstance(REAL_WEB_SOCKET, new Class<?>[] {requestType, boolean.class}, request, client);
    }

    private Object open() throws Exception {
        Object webSocket = upgraded(false, true);
        call(webSocket, "loopReader", new Class<?>[] {Object.class}, (Object) null);
        return webSocket;
    }

    private static void peerCloses(Object webSocket, int code) throws Exception {
        call(webSocket, "onReadClose", new Class<?>[] {int.class, String.class}, code, "");
    }

    private static Object closes(Object webSocket, int code) throws Exception {
        return call(webSocket, "close", new Class<?>[] {int.class, String.class, long.class}, code, "bye", 60_000L);
    }

    @Test
    void theClientClosesAndThePeerAnswers() throws Exception {
        Object webSocket = open();
        assertEquals(1.0, hooks.active(), "open once the reader loop starts");
        assertEquals(true, closes(webSocket, 1000));
        peerCloses(webSocket, 1000);
        call(webSocket, "finishReader", new Class<?>[0]);
        assertEquals(Map.of("okhttp client " + ORIGIN + " 1000 normal local", 1.0), hooks.closes());
        assertEquals(0.0, hooks.active());
    }

    @Test
    void thePeerClosesAndTheClientAnswers() throws Exception {
        Object webSocket = open();
        peerCloses(webSocket, 4001);
        closes(webSocket, 4001);
        assertEquals(Map.of("okhttp client " + ORIGIN + " 4001 application remote", 1.0), hooks.closes());
    }

    /** OkHttp refuses an invalid code before queueing anything: no close was sent. */
    @Test
    void aRefusedCloseIsNoClose() throws Exception {
        Object webSocket = open();
        assertThrows(Exception.class, () -> closes(webSocket, 999));
        peerCloses(webSocket, 1001);
        assertEquals(Map.of("okhttp client " + ORIGIN + " 1001 going_away remote", 1.0), hooks.closes());
    }

    @Test
    void aCancelIs1006LocalAndTheFailureItCausesIsNotCounted() throws Exception {
        Object webSocket = open();
        call(webSocket, "cancel", new Class<?>[0]);
        call(webSocket, "failWebSocket", FAILURE, new EOFException(), null, false);
        assertEquals(Map.of("okhttp client " + ORIGIN + " 1006 abnormal local", 1.0), hooks.closes());
        assertEquals(0.0, hooks.active());
    }

    @Test
    void aConnectionLostWithoutACloseFrameIs1006None() throws Exception {
        Object webSocket = open();
        call(webSocket, "failWebSocket", FAILURE, new ProtocolException("reset"), null, false);
        assertEquals(Map.of("okhttp client " + ORIGIN + " 1006 abnormal none", 1.0), hooks.closes());
    }

    /** A refused upgrade or a cancelled connect never had a reader: no session, nothing counted. */
    @Test
    void aRefusedUpgradeOrACancelledConnectIsNoSession() throws Exception {
        Object webSocket = connecting(false, true);
        call(webSocket, "failWebSocket", FAILURE, new ProtocolException("Expected HTTP 101"), null, false);
        call(webSocket, "cancel", new Class<?>[0]);
        assertEquals(Map.of(), hooks.closes());
        assertEquals(0.0, hooks.active());
    }

    @Test
    void aTlsTargetIsLabelledWss() throws Exception {
        Object webSocket = upgraded(true, true);
        call(webSocket, "loopReader", new Class<?>[] {Object.class}, (Object) null);
        peerCloses(webSocket, 1000);
        assertEquals(Map.of("okhttp client wss://127.0.0.1:8080 1000 normal remote", 1.0), hooks.closes());
    }

    /** OkHttp's MockWebServer serves with the same class; its sessions have no call, and no template. */
    @Test
    void aServerSessionIsUnderUnknown() throws Exception {
        Object webSocket = upgraded(false, false);
        call(webSocket, "loopReader", new Class<?>[] {Object.class}, (Object) null);
        peerCloses(webSocket, 1000);
        assertEquals(Map.of("okhttp server unknown 1000 normal remote", 1.0), hooks.closes());
    }
}
