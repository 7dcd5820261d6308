package io.closewatch.agent.instrumentation.undertow;

import io.closewatch.agent.HookHarness;
import io.closewatch.agent.bootstrap.CloseWatchBridge;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.channels.Channel;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.closewatch.agent.HookHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hooks on Undertow's own close frames, on stand-ins of its session, core sending and frame handler (fast tier,
 * see HookHarness). The session's opening and end are reported as the jakarta hooks would.
 */
class UndertowHooksTest {
    private static final String CORE = "io.undertow.websockets.core.";
    private static final String JSR = "io.undertow.websockets.jsr.";

    private final HookHarness hooks = new HookHarness(List.of(new UndertowWebSocketInstrumentation()),
            "io.undertow.websockets.");
    private Class<?> channelType;
    private Object channel;
    private Object session;

    @AfterEach
    void uninstall() {
        hooks.close();
    }

    /** A connection, and the session Undertow makes on it, opened under {@code /upload}. */
    private void open() throws Exception {
        channelType = hooks.loaded(CORE + "WebSocketChannel");
        channel = channelType.getConstructor().newInstance();
        session = hooks.newInstance(JSR + "UndertowSession", new Class<?>[] {channelType}, channel);
        CloseWatchBridge.opened(session, "jakarta", null, "/upload", null);
    }

    private void coreSends(String method, int code) throws Exception {
        send(method, code, channel);
    }

    private void send(String method, int code, Object connection) throws Exception {
        hooks.type(CORE + "WebSockets").getMethod(method, int.class, channelType).invoke(null, code, connection);
    }

    private void peerCloses() throws Exception {
        Object frameHandler = hooks.newInstance(JSR + "FrameHandler", new Class<?>[] {session.getClass()}, session);
        call(frameHandler, "onFullCloseMessage", new Class<?>[] {channelType, Object.class}, channel,
                null);
    }

    private void ends(int code) {
        CloseWatchBridge.ended(session, "jakarta", code);
    }

    /** A message over the limit: Undertow's core sends 1009 on the connection; then the peer echoes. */
    @Test
    void aCloseTheCoreSendsByItselfIsLocal() throws Exception {
        open();
        coreSends("sendClose", 1009);
        peerCloses();
        ends(1009);
        assertEquals(Map.of("jakarta server /upload 1009 protocol_error local", 1.0), hooks.closes());
    }

    @Test
    void aBlockingCloseIsLocalToo() throws Exception {
        open();
        coreSends("sendCloseBlocking", 1001);
        ends(1006);
        assertEquals(Map.of("jakarta server /upload 1006 abnormal local", 1.0), hooks.closes());
    }

    /** The peer's close frame comes first; Undertow's echo and the frames sent before it do not change that. */
    @Test
    void thePeersCloseFrameFirstIsRemote() throws Exception {
        open();
        hooks.type(CORE + "WebSockets").getMethod("sendText", channelType).invoke(null, channel);
        peerCloses();
        coreSends("sendClose", 1000);
        ends(1000);
        assertEquals(Map.of("jakarta server /upload 1000 normal remote", 1.0), hooks.closes());
    }

    /** After the peer's FIN or reset, Undertow's close listener "sends" a close that never reaches the wire. */
    @Test
    void aCloseSentOnAConnectionAlreadyGoneIsNoClose() throws Exception {
        open();
        ((Channel) channel).close();
        coreSends("sendClose", 1000);
        ends(1006);
        assertEquals(Map.of("jakarta server /upload 1006 abnormal none", 1.0), hooks.closes());
    }

    @Test
    void a1006IsNoCloseFrame() throws Exception {
        open();
        coreSends("sendClose", 1006);
        ends(1006);
        assertEquals(Map.of("jakarta server /upload 1006 abnormal none", 1.0), hooks.closes());
    }

    /** Undertow's core API used without its jakarta.websocket layer: nothing to count, no series made. */
    @Test
    void aConnectionWithoutASessionIsIgnored() throws Exception {
        channelType = hooks.loaded(CORE + "WebSocketChannel");
        send("sendClose", 1000, channelType.getConstructor().newInstance());
        assertEquals(Set.of(), hooks.endpoints());
    }
}
