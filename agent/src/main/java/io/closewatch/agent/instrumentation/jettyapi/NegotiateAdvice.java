package io.closewatch.agent.instrumentation.jettyapi;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.server.Request;

/**
 * {@code CreatorNegotiator.negotiate(request, response, callback)}: the upgrade made this frame handler; the template
 * it was mapped by becomes its sessions' endpoint label. Spring's handler mapping puts its pattern into the request
 * (named here so that the agent needs no Spring class); Jetty's own mappings put the {@code PathSpec} they matched.
 */
public final class NegotiateAdvice {
    private NegotiateAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void negotiated(@Advice.Argument(0) Request request, @Advice.Return Object frameHandler) {
        if (frameHandler == null) {
            return;
        }
        Object pattern = request.getAttribute("org.springframework.web.servlet.HandlerMapping.bestMatchingPattern");
        Object pathSpec = request.getAttribute("org.eclipse.jetty.http.pathmap.PathSpec");
        String template = pattern != null ? pattern.toString()
                : pathSpec instanceof PathSpec ? ((PathSpec) pathSpec).getDeclaration() : null;
        CloseWatchBridge.pathTemplate(frameHandler, template);
    }
}
