package io.closewatch.agent.instrumentation.websocket;

import io.closewatch.agent.HookHarness;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Endpoint;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The {@code jakarta.websocket} and {@code javax.websocket} hooks on stand-ins of an endpoint, a session and a client
 * container (fast tier, see HookHarness).
 */
class WebSocketApiHooksTest {
    private static final String JAKARTA = "example.websocket.jakarta.";
    private static final String JAVAX = "example.websocket.javax.";

    private final HookHarness hooks = new HookHarness(
            List.of(WebSocketApiInstrumentation.jakarta(), WebSocketApiInstrumentation.javax()), JAKARTA, JAVAX);

    @AfterEach
    void uninstall() {
        hooks.close();
    }

    private Endpoint endpoint() throws Exception {
        return (Endpoint) hooks.newInstance(JAKARTA + "ChatEndpoint");
    }

    private Session session(URI requestUri) throws Exception {
        return (Session) hooks.newInstance(JAKARTA + "ChatSession", new Class<?>[] {URI.class}, requestUri);
    }

    /** With a configurator of its own: the default one looks for a container. */
    private static ServerEndpointConfig server(String path) {
        return ServerEndpointConfig.Builder.create(Endpoint.class, path)
                .configurator(new ServerEndpointConfig.Configurator() {
                }).build();
    }

    private static CloseReason reason(int code) {
        return new CloseReason(CloseCodes.getCloseCode(code), "");
    }

    @Test
    void aServerSessionIsCountedOnceUnderItsTemplateWithTheCodeTheContainerReports() throws Exception {
        Endpoint endpoint = endpoint();
        Session session = session(URI.create("/chat/42"));
        endpoint.onOpen(session, server("/chat/{room}"));
        assertEquals(1.0, hooks.active());
        endpoint.onClose(session, reason(1000));
        endpoint.onClose(session, reason(1000)); // a subclass calling super.onClose
        assertEquals(Map.of("jakarta server /chat/{room} 1000 normal remote", 1.0), hooks.closes());
        assertEquals(0.0, hooks.active());
    }

    /** What the container tells the endpoint's onError is the cause, unwrapped; a session with none is "none". */
    @Test
    void theErrorTheContainerReportsIsTheCauseOfTheClose() throws Exception {
        Endpoint endpoint = endpoint();
        Session failing = session(URI.create("/chat/1"));
        endpoint.onOpen(failing, server("/chat/{room}"));
        endpoint.onError(failing, new RuntimeException(new IllegalStateException("handler")));
        endpoint.onClose(failing, reason(1011));
        Session clean = session(URI.create("/chat/2"));
        endpoint.onOpen(clean, server("/chat/{room}"));
        endpoint.onClose(clean, reason(1000));
        assertEquals(Map.of("jakarta server /chat/{room} 1011 java.lang.IllegalStateException", 1.0,
                "jakarta server /chat/{room} 1000 none", 1.0), hooks.causes());
    }

    @Test
    void sessionCloseMakesThisSideTheInitiator() throws Exception {
        Endpoint endpoint = endpoint();
        Session session = session(null);
        endpoint.onOpen(session, server("/chat/{room}"));
        session.close();
        endpoint.onClose(session, reason(4001));
        assertEquals(Map.of("jakarta server /chat/{room} 4001 application local", 1.0), hooks.closes());
    }

    @Test
    void sessionCloseWithAReasonMakesThisSideTheInitiatorToo() throws Exception {
        Endpoint endpoint = endpoint();
        Session session = session(null);
        endpoint.onOpen(session, server("/chat/{room}"));
        session.close(reason(1011));
        endpoint.onClose(session, reason(1011));
        assertEquals(Map.of("jakarta server /chat/{room} 1011 server_error local", 1.0), hooks.closes());
    }

    @Test
    void aConnectionLostWithoutACloseFrameIs1006None() throws Exception {
        Endpoint endpoint = endpoint();
        Session session = session(null);
        endpoint.onOpen(session, server("/chat/{room}"));
        endpoint.onClose(session, reason(1006));
        assertEquals(Map.of("jakarta server /chat/{room} 1006 abnormal none", 1.0), hooks.closes());
    }

    @Test
    void aClientSessionIsLabelledWithTheOriginOfItsRequestUri() throws Exception {
        Endpoint endpoint = endpoint();
        Session session = session(URI.create("ws://127.0.0.1:9000/feed/7?token=secret"));
        endpoint.onOpen(session, ClientEndpointConfig.Builder.create().build());
        endpoint.onClose(session, reason(1001));
        assertEquals(Map.of("jakarta client ws://127.0.0.1:9000 1001 going_away remote", 1.0), hooks.closes());
    }

    /** Tomcat's client sessions know no URI: the target comes from the connectToServer call around the opening. */
    @Test
    void aClientSessionWithoutUriTakesTheTargetOfTheConnectCall() throws Exception {
        WebSocketContainer container = (WebSocketContainer) hooks.newInstance(JAKARTA + "ChatClientContainer");
        Endpoint endpoint = endpoint();
        Session session = container.connectToServer(endpoint, ClientEndpointConfig.Builder.create().build(),
                URI.create("ws://127.0.0.1:9001/echo"));
        endpoint.onClose(session, reason(1000));
        Endpoint afterwards = endpoint();
        Session unknownTarget = session(null);
        afterwards.onOpen(unknownTarget, ClientEndpointConfig.Builder.create().build());
        afterwards.onClose(unknownTarget, reason(1000));
        assertEquals(Map.of("jakarta client ws://127.0.0.1:9001 1000 normal remote", 1.0,
                "jakarta client unknown 1000 normal remote", 1.0), hooks.closes(),
                "the target is forgotten once the connect call returns");
    }

    @Test
    void anAnnotatedClientEndpointConnectedWithoutConfigTakesTheTargetToo() throws Exception {
        WebSocketContainer container = (WebSocketContainer) hooks.newInstance(JAKARTA + "ChatClientContainer");
        Session session = container.connectToServer(new Object(), URI.create("wss://127.0.0.1:9443/secure"));
        endpoint().onClose(session, reason(4000));
        assertEquals(Map.of("jakarta client wss://127.0.0.1:9443 4000 application remote", 1.0), hooks.closes());
    }

    /** The same advice, read with its types rewritten to javax.websocket, and labelled javax. */
    @Test
    void javaxEndpointsAreCountedUnderTheirOwnApi() throws Exception {
        javax.websocket.Endpoint endpoint = (javax.websocket.Endpoint) hooks.newInstance(JAVAX + "LegacyEndpoint");
        javax.websocket.Session session = (javax.websocket.Session) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {javax.websocket.Session.class}, (proxy, method, args) ->
                        method.getName().equals("hashCode") ? System.identityHashCode(proxy) : null);
        endpoint.onOpen(session, javax.websocket.server.ServerEndpointConfig.Builder
                .create(javax.websocket.Endpoint.class, "/legacy/{id}")
                .configurator(new javax.websocket.server.ServerEndpointConfig.Configurator() {
                }).build());
        endpoint.onClose(session, new javax.websocket.CloseReason(
                javax.websocket.CloseReason.CloseCodes.getCloseCode(1008), ""));
        assertEquals(Map.of("javax server /legacy/{id} 1008 policy_violation remote", 1.0), hooks.closes());
    }
}
