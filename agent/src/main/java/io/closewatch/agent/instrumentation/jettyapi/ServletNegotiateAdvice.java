package io.closewatch.agent.instrumentation.jettyapi;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import jakarta.servlet.http.HttpServletRequest;
import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiation;

/**
 * {@code CreatorNegotiator.negotiate(negotiation)} of Jetty 11 and 10, whose upgrades run in a servlet request (jakarta
 * on Jetty 11; javax, by this advice's namespace, on Jetty 10): as {@link NegotiateAdvice} on Jetty 12, the template
 * the upgrade was mapped by, Spring's pattern or the {@code PathSpec} Jetty matched, becomes the frame handler's.
 */
public final class ServletNegotiateAdvice {
    private ServletNegotiateAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void negotiated(@Advice.Argument(0) WebSocketNegotiation negotiation, @Advice.Return Object frameHandler) {
        if (frameHandler == null) {
            return;
        }
        HttpServletRequest request = negotiation.getRequest();
        Object pattern = request.getAttribute("org.springframework.web.servlet.HandlerMapping.bestMatchingPattern");
        Object pathSpec = request.getAttribute("org.eclipse.jetty.http.pathmap.PathSpec");
        CloseWatchBridge.pathTemplate(frameHandler, pattern != null ? pattern.toString()
                : pathSpec instanceof PathSpec ? ((PathSpec) pathSpec).getDeclaration() : null);
    }
}
