package io.closewatch.agent.instrumentation.spring;

import io.closewatch.agent.HookHarness;
import io.closewatch.agent.bootstrap.CloseWatchBridge;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.server.standard.ServerEndpointRegistration;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The hook where Spring hands an upgrade to the jakarta.websocket container, on a stand-in container (fast tier,
 * see HookHarness). The session's opening and end are reported as the jakarta hooks would report them.
 */
class SpringHooksTest {
    private static final String STRATEGY =
            "org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy";

    private final HookHarness hooks = new HookHarness(List.of(new SpringWebSocketInstrumentation()),
            "example.spring.", STRATEGY);

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

    private static Endpoint endpoint() {
        return new Endpoint() {
            @Override
            public void onOpen(Session session, EndpointConfig config) {
            }
        };
    }

    /** The upgrade, then the session on {@code endpoint} opened under the configured path and closed. */
    private void upgradeAndClose(HttpServletRequest request, ServerEndpointConfig config, Endpoint endpoint)
            throws Exception {
        ServerContainer container = (ServerContainer) hooks.newInstance("example.spring.ChatServerContainer");
        container.upgradeHttpToWebSocket(request, null, config, Map.of());
        Object session = new Object();
        CloseWatchBridge.opened(session, "jakarta", endpoint, config.getPath(), null);
        CloseWatchBridge.ended(session, "jakarta", 1000);
    }

    @Test
    void theSessionIsCountedUnderTheHandlerMappingsPattern() throws Exception {
        Endpoint endpoint = endpoint();
        upgradeAndClose(request("/ws/{id}"), new ServerEndpointRegistration("/ws/42", endpoint), endpoint);
        assertEquals(Map.of("jakarta server /ws/{id} 1000 normal remote", 1.0), hooks.closes());
    }

    /** Spring 6.2 on Undertow upgrades in its own strategy, not through the container's method. */
    @Test
    void anUpgradeInSpringsOwnStrategyIsSeenToo() throws Exception {
        Endpoint endpoint = endpoint();
        ServerEndpointConfig config = new ServerEndpointRegistration("/ws/43", endpoint);
        HookHarness.call(hooks.newInstance(STRATEGY), "upgrade",
                new Class<?>[] {HttpServletRequest.class, ServerEndpointConfig.class}, request("/ws/{id}"), config);
        Object session = new Object();
        CloseWatchBridge.opened(session, "jakarta", endpoint, config.getPath(), null);
        CloseWatchBridge.ended(session, "jakarta", 1000);
        assertEquals(Map.of("jakarta server /ws/{id} 1000 normal remote", 1.0), hooks.closes());
    }

    @Test
    void withoutAPatternTheConfiguredPathStays() throws Exception {
        Endpoint endpoint = endpoint();
        upgradeAndClose(request(null), new ServerEndpointRegistration("/plain", endpoint), endpoint);
        assertEquals(Map.of("jakarta server /plain 1000 normal remote", 1.0), hooks.closes());
    }

    /** Another caller's configuration is not asked for its endpoint (that could make a new one): no template. */
    @Test
    void anUpgradeNotFromSpringIsLeftAlone() throws Exception {
        Endpoint endpoint = endpoint();
        AtomicBoolean asked = new AtomicBoolean();
        ServerEndpointConfig config = ServerEndpointConfig.Builder.create(Endpoint.class, "/direct/7")
                .configurator(new ServerEndpointConfig.Configurator() {
                    @Override
                    public <T> T getEndpointInstance(Class<T> endpointClass) {
                        asked.set(true);
                        return endpointClass.cast(endpoint);
                    }
                }).build();
        upgradeAndClose(request("/direct/{id}"), config, endpoint);
        assertEquals(false, asked.get(), "the hook asked another caller's configuration for an endpoint");
        assertEquals(Map.of("jakarta server /direct/7 1000 normal remote", 1.0), hooks.closes());
    }
}
