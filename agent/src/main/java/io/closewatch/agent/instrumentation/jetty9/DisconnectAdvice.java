package io.closewatch.agent.instrumentation.jetty9;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/** {@code WebSocketSession.disconnect()}: this side drops the connection, with no close frame (1006, local). */
public final class DisconnectAdvice {
    private DisconnectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void disconnect(@Advice.This Object session) {
        CloseWatchBridge.aborted(session,
                session.getClass().getName().startsWith("org.eclipse.jetty.websocket.jsr356.") ? Api.JAVAX : Api.JETTY);
    }
}
