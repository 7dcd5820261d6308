package io.closewatch.agent.instrumentation.jetty9;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.closewatch.agent.core.Labels;
import net.bytebuddy.asm.Advice;

import java.net.URI;

/**
 * {@code WebSocketSession.open()}, at its start: before the application's {@code onOpen} and before the frames that
 * came with the handshake are read, either of which may close the session. A second call finds the session's remote
 * set and does nothing, as Jetty does. The connection tells the side; a server session is labelled with the template
 * its upgrade was mapped by ({@link UpgradeAdvice}, keyed by the connection), a client session with its target.
 * {@code JsrSession}s are {@code javax.websocket} sessions; the others are of Jetty's own API.
 */
public final class SessionOpenAdvice {
    private SessionOpenAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void opening(@Advice.This Object session, @Advice.FieldValue("remote") Object remote,
                        @Advice.FieldValue("connection") Object connection,
                        @Advice.FieldValue("requestURI") URI requestUri) {
        if (remote != null) {
            return;
        }
        boolean server = connection.getClass().getName().startsWith("org.eclipse.jetty.websocket.server.");
        CloseWatchBridge.opened(session,
                session.getClass().getName().startsWith("org.eclipse.jetty.websocket.jsr356.") ? Api.JAVAX : Api.JETTY,
                connection, server ? Labels.UNKNOWN : null, server ? null : requestUri);
    }
}
