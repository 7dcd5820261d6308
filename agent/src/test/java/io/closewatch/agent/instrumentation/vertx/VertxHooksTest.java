package io.closewatch.agent.instrumentation.vertx;

import io.closewatch.agent.HookHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hooks on Vert.x 5's WebSockets, on stand-ins of its implementation classes (fast tier, see HookHarness). */
class VertxHooksTest {
    private static final String IMPL = "io.vertx.core.http.impl.";
    private static final String BASE = IMPL + "WebSocketImplBase";

    private final HookHarness hooks = new HookHarness(List.of(new VertxInstrumentation()), "io.vertx.");

    @AfterEach
    void uninstall() {
        hooks.close();
    }

    private Object server(String path) throws Exception {
        return hooks.newInstance(IMPL + "ServerWebSocketImpl", new Class<?>[] {String.class}, path);
    }

    private Object client() throws Exception {
        return hooks.newInstance(IMPL + "WebSocketImpl");
    }

    private void peerCloses(Object webSocket, int code) throws Exception {
        Class<?> frameType = hooks.loaded("io.vertx.core.http.WebSocketFrame");
        Object frame = Proxy.newProxyInstance(frameType.getClassLoader(), new Class<?>[] {frameType},
                (self, method, arguments) -> (short) code);
        base("handleCloseFrame", frameType).invoke(webSocket, frame);
    }

    private void closes(Object webSocket, int code) throws Exception {
        base("shutdown", long.class, TimeUnit.class, short.class, String.class).invoke(webSocket, 0L,
                TimeUnit.SECONDS, (short) code, "bye");
    }

    private void connectionCloses(Object webSocket) throws Exception {
        base("handleConnectionClosed").invoke(webSocket);
    }

    /** A method of the base class, which the test cannot name in its code. */
    private Method base(String name, Class<?>... parameterTypes) throws Exception {
        Method method = hooks.type(BASE).getDeclaredMethod(name, parameterTypes);
        method.setAccessible(true);
        return method;
    }

    @Test
    void theServerClosesAndThePeerAnswersUnderItsPath() throws Exception {
        Object webSocket = server("/chat/1");
        assertEquals(1.0, hooks.active());
        closes(webSocket, 4001);
        peerCloses(webSocket, 4001);
        connectionCloses(webSocket);
        assertEquals(Map.of("vertx server /chat/1 4001 application local", 1.0), hooks.closes());
        assertEquals(0.0, hooks.active());
    }

    @Test
    void thePeerClosesTheClient() throws Exception {
        Object webSocket = client();
        peerCloses(webSocket, 1001);
        closes(webSocket, 1001);
        connectionCloses(webSocket);
        connectionCloses(webSocket);
        assertEquals(Map.of("vertx client ws://127.0.0.1:8080 1001 going_away remote", 1.0), hooks.closes());
    }

    /** Vert.x tells the close handler 1006 when no close frame came from the peer. */
    @Test
    void aConnectionLostWithoutAFrameIs1006None() throws Exception {
        Object webSocket = server("/chat/2");
        connectionCloses(webSocket);
        assertEquals(Map.of("vertx server /chat/2 1006 abnormal none", 1.0), hooks.closes());
    }

    @Test
    void aCloseThePeerNeverAnswersIs1006AsTheApplicationIsTold() throws Exception {
        Object webSocket = client();
        closes(webSocket, 1000);
        connectionCloses(webSocket);
        assertEquals(Map.of("vertx client ws://127.0.0.1:8080 1006 abnormal local", 1.0), hooks.closes());
    }
}
