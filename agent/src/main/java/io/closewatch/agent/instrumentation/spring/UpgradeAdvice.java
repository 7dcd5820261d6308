package io.closewatch.agent.instrumentation.spring;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import net.bytebuddy.asm.Advice;

/**
 * {@code StandardWebSocketUpgradeStrategy.upgradeHttpToWebSocket(request, response, endpointConfig, pathParams)}:
 * the handler mapping put the pattern it matched into the request (Spring's
 * {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}, named here so that the agent needs no Spring class).
 */
public final class UpgradeAdvice {
    private UpgradeAdvice() {
    }

    /** Spring's registration is its own configurator and hands the container the endpoint it was built with. */
    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void upgrading(@Advice.Argument(0) HttpServletRequest request,
                          @Advice.Argument(2) ServerEndpointConfig config) throws Exception {
        Object pattern = request.getAttribute("org.springframework.web.servlet.HandlerMapping.bestMatchingPattern");
        if (pattern != null) {
            CloseWatchBridge.pathTemplate(config.getConfigurator().getEndpointInstance(config.getEndpointClass()),
                    pattern.toString());
        }
    }
}
