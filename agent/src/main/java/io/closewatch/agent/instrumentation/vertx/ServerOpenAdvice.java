package io.closewatch.agent.instrumentation.vertx;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.vertx.core.http.HttpServerRequest;
import net.bytebuddy.asm.Advice;

/**
 * {@code ServerWebSocketImpl(...)}: a server session, under the path it was requested at. The HTTP connection of the
 * request it upgrades (a constructor argument in Vert.x 4.5 and 5 alike) stands for its endpoint: a framework that
 * routed the upgrade by a template (Quarkus) tells the template against that connection first.
 */
public final class ServerOpenAdvice {
    private ServerOpenAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void opened(@Advice.This Object webSocket, @Advice.FieldValue("path") String path,
                       @Advice.AllArguments Object[] arguments) {
        Object connection = null;
        for (Object argument : arguments) {
            if (argument instanceof HttpServerRequest) {
                connection = ((HttpServerRequest) argument).connection();
            }
        }
        CloseWatchBridge.opened(webSocket, Api.VERTX, connection, path, null);
        if (connection != null) {
            CloseWatchBridge.sameSession(connection, webSocket); // its I/O failures are the session's
        }
    }
}
