package io.closewatch.agent.instrumentation.jetty9;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import jakarta.servlet.http.HttpServletRequest;
import net.bytebuddy.asm.Advice;
import org.eclipse.jetty.http.pathmap.PathSpec;

/**
 * {@code WebSocketServerFactory.acceptWebSocket(creator, request, response)}: when it accepted, the request holds
 * the new WebSocket connection (Jetty's upgrade attribute), whose session opens once the response is out; the
 * template the upgrade was mapped by becomes that session's endpoint label: the handler mapping's pattern that
 * Spring put into the request (named here so that the agent needs no Spring class), else the {@code PathSpec} that
 * Jetty's own mappings (the JSR's among them) matched. Advice in the javax namespace: Jetty 9.4 is a javax.servlet
 * container.
 */
public final class UpgradeAdvice {
    private UpgradeAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void accepted(@Advice.Argument(1) HttpServletRequest request, @Advice.Return boolean accepted) {
        Object connection = accepted ? request.getAttribute("org.eclipse.jetty.server.HttpConnection.UPGRADE") : null;
        if (connection == null) {
            return;
        }
        Object pattern = request.getAttribute("org.springframework.web.servlet.HandlerMapping.bestMatchingPattern");
        Object pathSpec = request.getAttribute("org.eclipse.jetty.http.pathmap.PathSpec");
        CloseWatchBridge.pathTemplate(connection, pattern != null ? pattern.toString()
                : pathSpec instanceof PathSpec ? ((PathSpec) pathSpec).getDeclaration() : null);
    }
}
