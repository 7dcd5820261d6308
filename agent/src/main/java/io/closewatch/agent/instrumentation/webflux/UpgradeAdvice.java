package io.closewatch.agent.instrumentation.webflux;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@code ReactorNettyRequestUpgradeStrategy.upgrade(exchange, handler, subProtocol, handshakeInfo)}: the pattern
 * the handler mapping matched ({@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}, a {@code PathPattern}) is
 * told against Reactor Netty's response, the HTTP operations the WebSocket session is about to replace.
 */
public final class UpgradeAdvice {
    private UpgradeAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void upgrading(@Advice.Argument(0) ServerWebExchange exchange) {
        Object pattern = exchange.getAttribute("org.springframework.web.reactive.HandlerMapping.bestMatchingPattern");
        if (pattern != null) {
            CloseWatchBridge.pathTemplate(ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse()),
                    pattern.toString());
        }
    }
}
