package io.closewatch.agent.instrumentation.spring;

import io.closewatch.agent.HookHarness;
import io.closewatch.agent.bootstrap.CloseWatchBridge;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import static io.closewatch.agent.HookHarness.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hook on Spring's upgrade strategy, on a stand-in of it (fast tier, see HookHarness). */
class SpringHooksTest {
    private static final String STRATEGY =
            "org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy";

    private final HookHarness hooks = new HookHarness(List.of(new SpringWebSocketInstrumentation()), STRATEGY);

    @AfterEach
    void uninstall() {
        hooks.close();
    }

    /** A request the handler mapping matched by {@code pattern} ({@code null}: no pattern recorded). */
    private static HttpServletRequest request(String pattern) {
        return (HttpServletRequest) Proxy.newProxyInstance(SpringHooksTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) ->
                        method.getName().equals("getAttribute")
                                && "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern".equals(args[0])
                                ? pattern : null);
    }

    /** Spring's registration: its own configurator, handing the container the endpoint it was built with. */
    private static ServerEndpointConfig config(Endpoint endpoint, String concretePath) {
        return ServerEndpointConfig.Builder.create(Endpoint.class, concretePath)
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        return endpointClass.cast(endpoint);
                    }
                }).build();
    }

    private void upgradeAndClose(Endpoint endpoint, String pattern, String concretePath) throws Exception {
        call(hooks.newInstance(STRATEGY), "upgrade", new Class<?>[] {HttpServletRequest.class,
                ServerEndpointConfig.class}, request(pattern), config(endpoint, concretePath));
        Object session = new Object();
        CloseWatchBridge.opened(session, "jakarta", endpoint, concretePath, null); // as the jakarta hooks report it
        CloseWatchBridge.ended(session, "jakarta", 1000);
    }

    @Test
    void theSessionIsCountedUnderTheHandlerMappingsPattern() throws Exception {
        upgradeAndClose(new Endpoint() {
            @Override
            public void onOpen(jakarta.websocket.Session session, jakarta.websocket.EndpointConfig config) {
            }
        }, "/ws/{id}", "/ws/42");
        assertEquals(Map.of("jakarta server /ws/{id} 1000 normal remote", 1.0), hooks.closes());
    }

    @Test
    void withoutAPatternTheConfiguredPathStays() throws Exception {
        upgradeAndClose(new Endpoint() {
            @Override
            public void onOpen(jakarta.websocket.Session session, jakarta.websocket.EndpointConfig config) {
            }
        }, null, "/plain");
        assertEquals(Map.of("jakarta server /plain 1000 normal remote", 1.0), hooks.closes());
    }
}
