package io.closewatch.agent.instrumentation.jetty;

import example.websocket.jakarta.ChatSession;
import io.closewatch.agent.HookHarness;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.closewatch.agent.HookHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hooks on Jetty 12's jakarta frame handler, on a stand-in of it (fast tier, see HookHarness). */
class JettyHooksTest {
    private static final String FRAME_HANDLER =
            "org.eclipse.jetty.ee10.websocket.jakarta.common.JakartaWebSocketFrameHandler";
    private static final Class<?>[] TWO_ARGUMENTS = {Object.class, Object.class};

    private final HookHarness hooks = new HookHarness(List.of(new JettyWebSocketInstrumentation()), FRAME_HANDLER);

    @AfterEach
    void uninstall() {
        hooks.close();
    }

    private Object opened(EndpointConfig config, URI requestUri) throws Exception {
        Object handler = hooks.newInstance(FRAME_HANDLER,
                new Class<?>[] {Object.class, EndpointConfig.class, jakarta.websocket.Session.class},
                new Object(), config, new ChatSession(requestUri));
        call(handler, "onOpen", TWO_ARGUMENTS, null, null);
        return handler;
    }

    private static void notifyOnClose(Object handler, int code) throws Exception {
        call(handler, "notifyOnClose", new Class<?>[] {CloseStatus.class, Object.class}, new CloseStatus(code), null);
    }

    private static ServerEndpointConfig server(String path) {
        return ServerEndpointConfig.Builder.create(jakarta.websocket.Endpoint.class, path)
                .configurator(new ServerEndpointConfig.Configurator() {
                }).build();
    }

    @Test
    void thePeersCloseFrameMakesItRemoteAndTheSessionCountsOnce() throws Exception {
        Object handler = opened(server("/jetty/{id}"), null);
        assertEquals(1.0, hooks.active());
        call(handler, "onClose", TWO_ARGUMENTS, null, null);
        notifyOnClose(handler, 1000);
        notifyOnClose(handler, 1000);
        assertEquals(Map.of("jakarta server /jetty/{id} 1000 normal remote", 1.0), hooks.closes());
        assertEquals(0.0, hooks.active());
    }

    /** No frame from the peer, no Session.close: Jetty closed by itself (its idle timeout). */
    @Test
    void aCloseWithNoFrameFromThePeerIsJettysOwn() throws Exception {
        Object handler = opened(server("/jetty/{id}"), null);
        notifyOnClose(handler, 1001);
        assertEquals(Map.of("jakarta server /jetty/{id} 1001 going_away local", 1.0), hooks.closes());
    }

    @Test
    void aClientSessionIsLabelledWithItsTargetsOrigin() throws Exception {
        Object handler = opened(ClientEndpointConfig.Builder.create().build(), URI.create("ws://127.0.0.1:9002/a"));
        notifyOnClose(handler, 1006);
        assertEquals(Map.of("jakarta client ws://127.0.0.1:9002 1006 abnormal none", 1.0), hooks.closes());
    }

    /**
     * Jetty 11 reads the frames that came with the handshake inside {@code onOpen}: the application may close the
     * session there, and Jetty end it, before {@code onOpen} returns. The session opened as it was made. (The stand-in
     * frame handler, renamed as Jetty 11's, makes a stand-in of Jetty 11's session.)
     */
    @Test
    void onJetty11ASessionEndedBeforeOnOpenReturnsIsCountedUnderItsTemplate() throws Exception {
        String jetty11 = "org.eclipse.jetty.websocket.jakarta.common.";
        try (HookHarness jetty11Hooks = new HookHarness(List.of(new JettyWebSocketInstrumentation()),
                List.of(jetty11 + "JakartaWebSocketSession"), Map.of(jetty11 + "JakartaWebSocketFrameHandler",
                FRAME_HANDLER))) {
            Object handler = jetty11Hooks.newInstance(jetty11 + "JakartaWebSocketFrameHandler",
                    new Class<?>[] {Object.class, EndpointConfig.class, jakarta.websocket.Session.class,
                        CloseStatus.class},
                    new Object(), server("/jetty/{id}"), null, new CloseStatus(1008));
            call(handler, "onOpen", TWO_ARGUMENTS, null, null);
            assertEquals(Map.of("jakarta server /jetty/{id} 1008 policy_violation local", 1.0), jetty11Hooks.closes());
            assertEquals(0.0, jetty11Hooks.active());
        }
    }
}
