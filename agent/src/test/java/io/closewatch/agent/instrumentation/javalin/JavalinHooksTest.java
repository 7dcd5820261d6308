package io.closewatch.agent.instrumentation.javalin;

import io.closewatch.agent.HookHarness;
import io.closewatch.agent.instrumentation.jettyapi.JettyApiInstrumentation;
import org.eclipse.jetty.websocket.api.UpgradeRequest;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.closewatch.agent.HookHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hook on Javalin's {@code WsConnection}, with the Jetty API hooks that count its sessions, on stand-ins of
 * both (fast tier): the session counted once, under Javalin's route.
 */
class JavalinHooksTest {
    private static final String JETTY = "org.eclipse.jetty.websocket.common.";
    private static final Class<?>[] TWO_ARGUMENTS = {Object.class, Object.class};

    /** On Jetty 12, as Javalin 7 runs (Jetty 10's and 11's API hidden). */
    private final HookHarness hooks = new HookHarness(
            List.of(new JavalinInstrumentation(), new JettyApiInstrumentation()), List.of("io.javalin.websocket.", JETTY),
            Map.of(), List.of("org/eclipse/jetty/websocket/api/WriteCallback"));

    @AfterEach
    void uninstall() {
        hooks.close();
    }

    /** Jetty's frame handler of a session whose listener is Javalin's, opened; the peer then closes. */
    private void sessionRoutedBy(String route, int code) throws Exception {
        Object connection = hooks.newInstance("io.javalin.websocket.WsConnection", new Class<?>[] {String.class},
                route);
        Object frameHandler = hooks.newInstance(JETTY + "JettyWebSocketFrameHandler",
                new Class<?>[] {Object.class, UpgradeRequest.class, Object.class}, new Object(), null, connection);
        call(frameHandler, "onOpen", TWO_ARGUMENTS, null, null);
        assertEquals(1.0, hooks.active());
        call(frameHandler, "onCloseFrame", TWO_ARGUMENTS, null, null);
        call(frameHandler, "notifyOnClose", new Class<?>[] {CloseStatus.class, Object.class}, new CloseStatus(code),
                null);
    }

    @Test
    void aJavalinSessionIsCountedOnceUnderItsRoute() throws Exception {
        sessionRoutedBy("/chat/{room}", 1000);
        assertEquals(Map.of("jetty server /chat/{room} 1000 normal remote", 1.0), hooks.closes());
        assertEquals(0.0, hooks.active());
        assertEquals(List.of(), hooks.failures());
    }

    @Test
    void aConnectionWithoutARouteIsUnknown() throws Exception {
        sessionRoutedBy(null, 4000);
        assertEquals(Map.of("jetty server unknown 4000 application remote", 1.0), hooks.closes());
    }
}
