package io.closewatch.agent.instrumentation.jettyapi;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.closewatch.agent.core.Labels;
import net.bytebuddy.asm.Advice;

/**
 * {@code WebSocketSession(container, coreSession, frameHandler)} of a server container, on Jetty 10 and 11: the session
 * opens as its frame handler's {@code onOpen} makes it, before the frames that came with the handshake are read (they
 * read them inside {@code onOpen}, and the application may close the session from them), under the template its
 * upgrade was mapped by ({@link ServletNegotiateAdvice}, keyed by the frame handler). A client session opens at the
 * end of {@code onOpen} ({@link OpenAdvice}), where its target is known.
 */
public final class SessionCreatedAdvice {
    private SessionCreatedAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void created(@Advice.This Object session, @Advice.Argument(0) Object container,
                        @Advice.Argument(2) Object frameHandler) {
        if (container != null && !container.getClass().getName().endsWith("WebSocketClient")) {
            CloseWatchBridge.opened(session, Api.JETTY, frameHandler, Labels.UNKNOWN, null);
        }
    }
}
