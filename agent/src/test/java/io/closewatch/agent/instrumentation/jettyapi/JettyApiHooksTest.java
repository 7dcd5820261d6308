package io.closewatch.agent.instrumentation.jettyapi;

import example.jetty.OnOpen;
import example.jetty.WebSocketClient;
import io.closewatch.agent.HookHarness;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.UpgradeRequest;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static io.closewatch.agent.HookHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hooks on Jetty's own WebSocket API, on stand-ins of its frame handler, session and negotiator (fast tier). */
class JettyApiHooksTest {
    private static final String COMMON = "org.eclipse.jetty.websocket.common.";
    private static final String NEGOTIATOR = "org.eclipse.jetty.websocket.core.server.internal.CreatorNegotiator";
    private static final Class<?>[] TWO_ARGUMENTS = {Object.class, Object.class};

    private static final String JETTY_10_AND_11 = "org/eclipse/jetty/websocket/api/WriteCallback";
    /** Jetty 9.4's, on the test class path because the agent compiles against it. */
    private static final String JETTY_9 = "org/eclipse/jetty/websocket/common/CloseInfo";

    /** Jetty 12 (Jetty 10's, 11's and 9.4's API hidden); {@link #aServerSessionEndedInsideOnOpenIsCountedUnderItsTemplate}
     * replaces it with one that sees Jetty 11. */
    private HookHarness hooks = jetty(List.of(JETTY_10_AND_11, JETTY_9));

    private static HookHarness jetty(List<String> hidden) {
        return new HookHarness(List.of(new JettyApiInstrumentation()), List.of(COMMON, NEGOTIATOR), Map.of(), hidden);
    }

    @AfterEach
    void uninstall() {
        hooks.close();
    }

    private static <T> T proxy(Class<T> type, String method, Map<Object, Object> answers) {
        return type.cast(Proxy.newProxyInstance(JettyApiHooksTest.class.getClassLoader(), new Class<?>[] {type},
                (self, called, arguments) -> called.getName().equals(method)
                        ? answers.get(arguments == null ? "" : arguments[0]) : null));
    }

    private Object frameHandler(Object container, URI requestUri) throws Exception {
        return frameHandler(container, requestUri, null);
    }

    private Object frameHandler(Object container, URI requestUri, Object endpoint) throws Exception {
        return hooks.newInstance(COMMON + "JettyWebSocketFrameHandler", new Class<?>[] {Object.class,
                UpgradeRequest.class, Object.class}, container,
                proxy(UpgradeRequest.class, "getRequestURI", Map.of("", requestUri)), endpoint);
    }

    /** A server upgrade: Jetty's negotiator makes the frame handler, with these request attributes. */
    private Object upgraded(Map<Object, Object> attributes) throws Exception {
        return upgraded(attributes, frameHandler(new Object(), URI.create("/echo/42")));
    }

    private Object upgraded(Map<Object, Object> attributes, Object frameHandler) throws Exception {
        Object negotiator = hooks.newInstance(NEGOTIATOR, new Class<?>[] {Object.class}, frameHandler);
        call(negotiator, "negotiate", new Class<?>[] {Request.class, Object.class, Object.class},
                proxy(Request.class, "getAttribute", attributes), null, null);
        return frameHandler;
    }

    private static Object open(Object frameHandler) throws Exception {
        call(frameHandler, "onOpen", TWO_ARGUMENTS, null, null);
        return call(frameHandler, "getSession", new Class<?>[0]);
    }

    private static void peerCloses(Object frameHandler) throws Exception {
        call(frameHandler, "onCloseFrame", TWO_ARGUMENTS, null, null);
    }

    private static void notifyOnClose(Object frameHandler, int code) throws Exception {
        call(frameHandler, "notifyOnClose", new Class<?>[] {CloseStatus.class, Object.class}, new CloseStatus(code),
                null);
    }

    @Test
    void aServerSessionIsCountedOnceUnderThePathSpecItWasMappedBy() throws Exception {
        Object frameHandler = upgraded(Map.of("org.eclipse.jetty.http.pathmap.PathSpec",
                new UriTemplatePathSpec("/echo/{id}")));
        open(frameHandler);
        assertEquals(1.0, hooks.active());
        peerCloses(frameHandler);
        notifyOnClose(frameHandler, 1000);
        notifyOnClose(frameHandler, 1000);
        assertEquals(Map.of("jetty server /echo/{id} 1000 normal remote", 1.0), hooks.closes());
        assertEquals(0.0, hooks.active());
    }

    /** Jetty 10 and 11 read the frames that came with the handshake inside onOpen: the session may end there. */
    @Test
    void aServerSessionEndedInsideOnOpenIsCountedUnderItsTemplate() throws Exception {
        hooks.close();
        hooks = jetty(List.of(JETTY_9));
        Object[] frameHandler = new Object[1];
        OnOpen closedByThePeerFirst = new OnOpen(() -> {
            peerCloses(frameHandler[0]);
            notifyOnClose(frameHandler[0], 3002);
        });
        frameHandler[0] = upgraded(Map.of("org.eclipse.jetty.http.pathmap.PathSpec",
                new UriTemplatePathSpec("/echo/{id}")), frameHandler(new Object(), URI.create("/echo/42"),
                closedByThePeerFirst));
        open(frameHandler[0]);
        assertEquals(Map.of("jetty server /echo/{id} 3002 library remote", 1.0), hooks.closes());
        assertEquals(0.0, hooks.active());
    }

    /** Spring on Jetty: the handler mapping's pattern, which Spring put into the request, wins. */
    @Test
    void springsPatternWins() throws Exception {
        Object frameHandler = upgraded(Map.of("org.eclipse.jetty.http.pathmap.PathSpec",
                new UriTemplatePathSpec("/{path}"), "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern",
                "/ws/{id}"));
        open(frameHandler);
        notifyOnClose(frameHandler, 1001);
        assertEquals(Map.of("jetty server /ws/{id} 1001 going_away local", 1.0), hooks.closes());
    }

    /** A server session whose upgrade was not seen is never labelled with its concrete path. */
    @Test
    void withoutANegotiationTheServerEndpointIsUnknown() throws Exception {
        Object frameHandler = frameHandler(new Object(), URI.create("/echo/42"));
        open(frameHandler);
        peerCloses(frameHandler);
        notifyOnClose(frameHandler, 4000);
        assertEquals(Map.of("jetty server unknown 4000 application remote", 1.0), hooks.closes());
    }

    /** The client closes; the server's echo arrives before Jetty tells the application. */
    @Test
    void aClientSessionClosedHereIsLocalUnderItsTargetsOrigin() throws Exception {
        Object frameHandler = frameHandler(new WebSocketClient(), URI.create("ws://127.0.0.1:9003/echo/1?t=secret"));
        Object session = open(frameHandler);
        call(session, "close", new Class<?>[] {int.class, String.class, Callback.class}, 1000, "bye", null);
        peerCloses(frameHandler);
        notifyOnClose(frameHandler, 1000);
        assertEquals(Map.of("jetty client ws://127.0.0.1:9003 1000 normal local", 1.0), hooks.closes());
    }

    @Test
    void aDisconnectIs1006LocalAndTheLaterCloseIsNotCounted() throws Exception {
        Object frameHandler = frameHandler(new WebSocketClient(), URI.create("ws://127.0.0.1:9003/echo/1"));
        Object session = open(frameHandler);
        call(session, "disconnect", new Class<?>[0]);
        notifyOnClose(frameHandler, 1006);
        assertEquals(Map.of("jetty client ws://127.0.0.1:9003 1006 abnormal local", 1.0), hooks.closes());
    }
}
