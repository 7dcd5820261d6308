package io.closewatch.agent.instrumentation.vertx;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.vertx.core.http.WebSocketBase;
import io.vertx.core.net.SocketAddress;
import net.bytebuddy.asm.Advice;

import java.net.URI;

/** {@code WebSocketImpl(...)}: a client session, under the address it is connected to. */
public final class ClientOpenAdvice {
    private ClientOpenAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void opened(@Advice.This WebSocketBase webSocket) throws Exception {
        SocketAddress peer = webSocket.remoteAddress();
        CloseWatchBridge.opened(webSocket, Api.VERTX, null, null,
                new URI(webSocket.isSsl() ? "wss" : "ws", null, peer.host(), peer.port(), null, null, null));
    }
}
