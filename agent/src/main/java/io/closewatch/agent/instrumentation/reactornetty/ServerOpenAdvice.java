package io.closewatch.agent.instrumentation.reactornetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;
import reactor.netty.http.server.HttpServerRequest;

/**
 * {@code WebsocketServerOperations(url, spec, replaced)}: a server session, unless no handshaker speaks the client's
 * version (then it is refused). Labelled with the requested path, or with the template a framework mapped the
 * request by, which it tells against the HTTP operations this session replaces.
 */
public final class ServerOpenAdvice {
    private ServerOpenAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void opened(@Advice.This HttpServerRequest session, @Advice.Argument(2) Object replaced,
                       @Advice.FieldValue("handshakerHttp11") Object handshaker) {
        if (handshaker != null) {
            CloseWatchBridge.opened(session, Api.REACTOR_NETTY, replaced, session.fullPath(), null);
        }
    }
}
