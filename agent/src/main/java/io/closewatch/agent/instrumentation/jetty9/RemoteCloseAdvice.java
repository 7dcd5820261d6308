package io.closewatch.agent.instrumentation.jetty9;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/** {@code AbstractWebSocketConnection.remoteClose(CloseInfo)}: the peer's close frame arrived. */
public final class RemoteCloseAdvice {
    private RemoteCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closeReceived(@Advice.FieldValue("session") Object session) {
        if (session != null) {
            // The code Jetty then gives the application is the one counted; this only says who closed first.
            CloseWatchBridge.closeReceived(session, session.getClass().getName()
                    .startsWith("org.eclipse.jetty.websocket.jsr356.") ? Api.JAVAX : Api.JETTY, -1);
        }
    }
}
