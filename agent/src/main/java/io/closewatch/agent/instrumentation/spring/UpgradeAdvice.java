package io.closewatch.agent.instrumentation.spring;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import net.bytebuddy.asm.Advice;

/**
 * {@code upgradeHttpToWebSocket(request, response, endpointConfig, pathParams)} of a jakarta.websocket container or
 * of Spring's own upgrade strategy (or {@code doUpgrade}, the same, of a javax.websocket container, where this advice
 * is read in javax), when Spring upgrades: the handler mapping put the pattern it matched into the request (Spring's
 * {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}, named here so that the agent needs no Spring class), and
 * Spring's registration is its own configurator, handing the container the endpoint it was built with. Any other
 * caller's configuration is left alone: asking it for its endpoint could make a new one.
 */
public final class UpgradeAdvice {
    private UpgradeAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void upgrading(@Advice.Argument(0) Object request, @Advice.Argument(2) ServerEndpointConfig config)
            throws Exception {
        if (request instanceof HttpServletRequest && config != null && config.getClass().getName()
                .equals("org.springframework.web.socket.server.standard.ServerEndpointRegistration")) {
            Object pattern = ((HttpServletRequest) request)
                    .getAttribute("org.springframework.web.servlet.HandlerMapping.bestMatchingPattern");
            if (pattern != null) {
                CloseWatchBridge.pathTemplate(config.getConfigurator().getEndpointInstance(config.getEndpointClass()),
                        pattern.toString());
            }
        }
    }
}
