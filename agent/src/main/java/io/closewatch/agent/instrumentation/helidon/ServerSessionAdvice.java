package io.closewatch.agent.instrumentation.helidon;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.closewatch.agent.core.Labels;
import net.bytebuddy.asm.Advice;

/**
 * {@code WsConnection.handle(limit)}: the server session runs from its start, where it opens under the template its
 * listener was routed by ({@link RouteAdvice}), to its end, however it ends. Helidon's deprecated
 * {@code handle(Semaphore)} calls {@code handle(Limit)}: the session opens and ends once all the same.
 */
public final class ServerSessionAdvice {
    private ServerSessionAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void opening(@Advice.This Object session, @Advice.FieldValue("listener") Object listener) {
        CloseWatchBridge.opened(session, Api.HELIDON, listener, Labels.UNKNOWN, null);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void ended(@Advice.This Object session) {
        // The peer's close frames are tracked (PeerCloseAdvice): the code is the first frame's, else 1006.
        CloseWatchBridge.ended(session, Api.HELIDON, -1, true);
    }
}
