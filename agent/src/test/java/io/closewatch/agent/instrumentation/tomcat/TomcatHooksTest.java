package io.closewatch.agent.instrumentation.tomcat;

import io.closewatch.agent.HookHarness;
import io.closewatch.agent.bootstrap.CloseWatchBridge;
import org.apache.tomcat.websocket.WsIOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static io.closewatch.agent.HookHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hooks where Tomcat fails a session itself, on stand-ins of its upgrade handler and client frame reader (fast
 * tier, see HookHarness). The session's opening and end are reported as the jakarta/javax hooks would.
 */
class TomcatHooksTest {
    private static final String UPGRADE_HANDLER = "org.apache.tomcat.websocket.server.WsHttpUpgradeHandler";
    private static final String FRAME_CLIENT = "org.apache.tomcat.websocket.WsFrameClient";
    private static final String SESSION = "org.apache.tomcat.websocket.WsSession";

    private final HookHarness hooks = new HookHarness(List.of(TomcatWebSocketInstrumentation.jakarta(),
            TomcatWebSocketInstrumentation.javax()), UPGRADE_HANDLER, FRAME_CLIENT, SESSION);
    private final Object session = new Object();

    @AfterEach
    void uninstall() {
        hooks.close();
    }

    private Object upgradeHandler() throws Exception {
        return hooks.newInstance(UPGRADE_HANDLER, new Class<?>[] {Object.class}, session);
    }

    private Object frameClient() throws Exception {
        return hooks.newInstance(FRAME_CLIENT, new Class<?>[] {Object.class}, session);
    }

    /** A message over the size limit: without the hook the 1009 would be put down to the peer. */
    @Test
    void aCloseTheServerSendsByItselfIsLocal() throws Exception {
        CloseWatchBridge.opened(session, "jakarta", null, "/upload", null);
        call(upgradeHandler(), "close", new Class<?>[] {jakarta.websocket.CloseReason.class},
                new jakarta.websocket.CloseReason(jakarta.websocket.CloseReason.CloseCodes.TOO_BIG, ""));
        CloseWatchBridge.ended(session, "jakarta", 1009);
        assertEquals(Map.of("jakarta server /upload 1009 protocol_error local", 1.0), hooks.closes());
    }

    /** Tomcat 9: the same hook, read for javax.websocket and labelled javax. */
    @Test
    void onTomcat9TheSameHookIsLabelledJavax() throws Exception {
        CloseWatchBridge.opened(session, "javax", null, "/upload", null);
        call(upgradeHandler(), "close", new Class<?>[] {javax.websocket.CloseReason.class},
                new javax.websocket.CloseReason(javax.websocket.CloseReason.CloseCodes.PROTOCOL_ERROR, ""));
        CloseWatchBridge.ended(session, "javax", 1002);
        assertEquals(Map.of("javax server /upload 1002 protocol_error local", 1.0), hooks.closes());
    }

    /**
     * Tomcat's idle timeout sends 1001 and tells the application 1006: this side's close (before the hook, it read as
     * the peer vanishing, initiated by no one).
     */
    @Test
    void tomcatsIdleTimeoutIsThisSidesClose() throws Exception {
        Object tomcatSession = hooks.newInstance(SESSION, new Class<?>[0]);
        CloseWatchBridge.opened(tomcatSession, "jakarta", null, "/idle", null);
        call(tomcatSession, "doClose", new Class<?>[] {jakarta.websocket.CloseReason.class,
                jakarta.websocket.CloseReason.class},
                new jakarta.websocket.CloseReason(jakarta.websocket.CloseReason.CloseCodes.GOING_AWAY, "idle"),
                new jakarta.websocket.CloseReason(jakarta.websocket.CloseReason.CloseCodes.CLOSED_ABNORMALLY, "idle"));
        CloseWatchBridge.ended(tomcatSession, "jakarta", 1006);
        assertEquals(Map.of("jakarta server /idle 1006 abnormal local", 1.0), hooks.closes());
        assertEquals(Map.of("jakarta server /idle 1006 idle_timeout", 1.0), hooks.causes());
    }

    /** With 1006 Tomcat only gives up on a connection that failed: no frame went out. */
    @Test
    void aFailedConnectionTomcatGivesUpOnHasNoInitiator() throws Exception {
        CloseWatchBridge.opened(session, "jakarta", null, "/upload", null);
        call(upgradeHandler(), "close", new Class<?>[] {jakarta.websocket.CloseReason.class},
                new jakarta.websocket.CloseReason(jakarta.websocket.CloseReason.CloseCodes.CLOSED_ABNORMALLY, ""));
        CloseWatchBridge.ended(session, "jakarta", 1006);
        assertEquals(Map.of("jakarta server /upload 1006 abnormal none", 1.0), hooks.closes());
    }

    /**
     * A Tomcat whose upgrade handler no longer has the field the hook reads: the hook is reported as failed (the
     * agent names it and counts it, see StackReporterTest), the class loads unchanged and works, and the session
     * is still counted, only without Tomcat's own initiator.
     */
    @Test
    void aHandlerWhoseHookedFieldIsGoneLoadsUnchangedAndIsReported() throws Exception {
        try (HookHarness changed = new HookHarness(List.of(TomcatWebSocketInstrumentation.jakarta()), List.of(),
                Map.of(UPGRADE_HANDLER, "example.tomcat.ChangedUpgradeHandler"))) {
            Object handler = changed.loaded(UPGRADE_HANDLER).getConstructor(Object.class).newInstance(session);
            assertEquals(List.of(UPGRADE_HANDLER), changed.failures());
            CloseWatchBridge.opened(session, "jakarta", null, "/upload", null);
            jakarta.websocket.CloseReason tooBig =
                    new jakarta.websocket.CloseReason(jakarta.websocket.CloseReason.CloseCodes.TOO_BIG, "");
            call(handler, "close", new Class<?>[] {jakarta.websocket.CloseReason.class}, tooBig);
            assertEquals(tooBig, call(handler, "sent", new Class<?>[0]), "the host's own code ran");
            CloseWatchBridge.ended(session, "jakarta", 1009);
            assertEquals(Map.of("jakarta server /upload 1009 protocol_error remote", 1.0), changed.closes());
        }
    }

    @Test
    void aCloseTheClientSendsByItselfIsLocal() throws Exception {
        CloseWatchBridge.opened(session, "jakarta", null, null, java.net.URI.create("ws://127.0.0.1:9000"));
        call(frameClient(), "close", new Class<?>[] {Throwable.class}, new WsIOException("too big"));
        CloseWatchBridge.ended(session, "jakarta", 1009);
        assertEquals(Map.of("jakarta client ws://127.0.0.1:9000 1009 protocol_error local", 1.0), hooks.closes());
    }

    @Test
    void anIoErrorOfTheClientSendsNoFrame() throws Exception {
        CloseWatchBridge.opened(session, "jakarta", null, null, java.net.URI.create("ws://127.0.0.1:9000"));
        call(frameClient(), "close", new Class<?>[] {Throwable.class}, new IOException("reset"));
        CloseWatchBridge.ended(session, "jakarta", 1006);
        assertEquals(Map.of("jakarta client ws://127.0.0.1:9000 1006 abnormal none", 1.0), hooks.closes());
    }
}
