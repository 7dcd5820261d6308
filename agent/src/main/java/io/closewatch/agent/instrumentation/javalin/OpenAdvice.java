package io.closewatch.agent.instrumentation.javalin;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.closewatch.agent.core.Labels;
import io.javalin.websocket.WsHandlerEntry;
import net.bytebuddy.asm.Advice;

/** {@code WsConnection.onWebSocketOpen(Session)}: a server session of Javalin's, under the route it matched. */
public final class OpenAdvice {
    private OpenAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void opened(@Advice.Argument(0) Object session,
                       @Advice.FieldValue("endpointHandler") WsHandlerEntry route) {
        CloseWatchBridge.opened(session, Api.JETTY, null, route == null ? Labels.UNKNOWN : route.getPath(), null);
    }
}
