package io.closewatch.agent.instrumentation.netty;

import io.closewatch.agent.HookHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hooks on Netty's WebSocket codec, on Netty itself: a real {@code WebSocketServerProtocolHandler} on an
 * {@code EmbeddedChannel} (see {@code example.netty.EmbeddedWebSockets}), all of Netty defined through the agent's
 * transformer. Vert.x and Reactor Netty, on the test's class path only for compiling the agent, are hidden: the
 * module stays out of loaders that see them.
 */
class NettyHooksTest {
    private final HookHarness hooks = new HookHarness(List.of(new NettyInstrumentation()),
            List.of("io.netty.", "example.netty."), Map.of(), List.of("io/vertx/", "reactor/"));

    @AfterEach
    void uninstall() {
        hooks.close();
    }

    private void play(String session, Class<?>[] parameterTypes, Object... arguments) throws Exception {
        Method method = hooks.loaded("example.netty.EmbeddedWebSockets").getMethod(session, parameterTypes);
        method.invoke(null, arguments);
        assertEquals(List.of(), hooks.failures());
    }

    @Test
    void thePeersCloseIsCountedOnceUnderTheRequestedPath() throws Exception {
        play("clientCloses", new Class<?>[] {String.class, int.class}, "/chat/1", 4001);
        assertEquals(Map.of("netty server /chat/1 4001 application remote", 1.0), hooks.closes());
        assertEquals(0.0, hooks.active());
    }

    @Test
    void aCloseFrameWithoutACodeIs1005() throws Exception {
        play("clientCloses", new Class<?>[] {String.class, int.class}, "/chat/2", -1);
        assertEquals(Map.of("netty server /chat/2 1005 no_status remote", 1.0), hooks.closes());
    }

    @Test
    void theServersCloseIsLocal() throws Exception {
        play("serverCloses", new Class<?>[] {String.class, int.class}, "/chat/3?token=x", 1011);
        assertEquals(Map.of("netty server /chat/3 1011 server_error local", 1.0), hooks.closes());
    }

    @Test
    void closingTheChannelSendsNormalClosureFirst() throws Exception {
        play("serverClosesTheChannel", new Class<?>[] {String.class}, "/chat/4");
        assertEquals(Map.of("netty server /chat/4 1000 normal local", 1.0), hooks.closes());
    }

    @Test
    void aConnectionThePeerDropsIs1006None() throws Exception {
        play("peerDropsTheConnection", new Class<?>[] {String.class}, "/chat/5");
        assertEquals(Map.of("netty server /chat/5 1006 abnormal none", 1.0), hooks.closes());
        assertEquals(0.0, hooks.active());
    }
}
