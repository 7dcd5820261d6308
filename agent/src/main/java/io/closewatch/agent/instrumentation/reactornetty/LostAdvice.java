package io.closewatch.agent.instrumentation.reactornetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;
import reactor.netty.http.websocket.WebsocketInbound;

import java.io.IOException;

/**
 * {@code ChannelOperations.onInboundError(error)}: an I/O error (a reset connection) on a WebSocket's channel. Reactor
 * Netty passes it on to the handler, whose failure then "closes" with 1002 on a connection that is already gone; no
 * close handshake took place, so the session is lost (1006), as on every other stack.
 */
public final class LostAdvice {
    private LostAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void lost(@Advice.This Object operations, @Advice.Argument(0) Throwable error) {
        if (operations instanceof WebsocketInbound) {
            CloseWatchBridge.errorReported(operations, error);
            if (error instanceof IOException) {
                CloseWatchBridge.connectionLost(operations);
            }
        }
    }
}
