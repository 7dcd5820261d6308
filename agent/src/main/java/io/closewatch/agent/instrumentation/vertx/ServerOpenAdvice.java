package io.closewatch.agent.instrumentation.vertx;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/** {@code ServerWebSocketImpl(...)}: a server session, under the path it was requested at. */
public final class ServerOpenAdvice {
    private ServerOpenAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void opened(@Advice.This Object webSocket, @Advice.FieldValue("path") String path) {
        CloseWatchBridge.opened(webSocket, Api.VERTX, null, path, null);
    }
}
