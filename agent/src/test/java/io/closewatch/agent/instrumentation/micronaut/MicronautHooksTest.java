package io.closewatch.agent.instrumentation.micronaut;

import io.closewatch.agent.HookHarness;
import io.closewatch.agent.instrumentation.netty.NettyInstrumentation;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.websocket.annotation.ServerWebSocket;
import io.micronaut.websocket.context.WebSocketBean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Micronaut's upgrade (a stand-in of its handler, real Netty under it, both modules as the agent applies them): the
 * Netty module counts the session once, under the {@code @ServerWebSocket} template Micronaut's hook gave for the
 * channel.
 */
class MicronautHooksTest {
    private final HookHarness hooks = new HookHarness(
            List.of(new MicronautInstrumentation(), new NettyInstrumentation()),
            List.of("io.netty.", "io.micronaut.http.server.netty.", "example.micronaut."), Map.of(),
            List.of("io/vertx/", "reactor/"));

    @AfterEach
    void uninstall() {
        hooks.close();
    }

    /** A {@code @ServerWebSocket} bean as Micronaut's registry gives it: only its annotation's value is read. */
    private static WebSocketBean<?> bean(String template) {
        BeanDefinition<?> definition = (BeanDefinition<?>) Proxy.newProxyInstance(
                MicronautHooksTest.class.getClassLoader(), new Class<?>[] {BeanDefinition.class},
                (proxy, method, args) -> method.getName().equals("stringValue") && args.length == 1
                        && args[0] == ServerWebSocket.class ? Optional.ofNullable(template) : null);
        return (WebSocketBean<?>) Proxy.newProxyInstance(MicronautHooksTest.class.getClassLoader(),
                new Class<?>[] {WebSocketBean.class}, (proxy, method, args) ->
                        method.getName().equals("getBeanDefinition") ? definition : null);
    }

    private void play(WebSocketBean<?> bean, String path, int code) throws Exception {
        hooks.loaded("example.micronaut.EmbeddedMicronaut")
                .getMethod("clientCloses", WebSocketBean.class, String.class, int.class).invoke(null, bean, path, code);
        assertEquals(List.of(), hooks.failures());
    }

    @Test
    void theSessionIsCountedOnceUnderItsServerWebSocketTemplate() throws Exception {
        play(bean("/chat/{room}"), "/chat/7?token=x", 4001);
        assertEquals(Map.of("netty server /chat/{room} 4001 application remote", 1.0), hooks.closes());
        assertEquals(0.0, hooks.active());
    }

    @Test
    void withoutATemplateTheRequestedPathStays() throws Exception {
        play(bean(null), "/chat/8", 1000);
        assertEquals(Map.of("netty server /chat/8 1000 normal remote", 1.0), hooks.closes());
    }
}
