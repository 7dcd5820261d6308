package io.closewatch.agent.instrumentation.helidon;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/**
 * {@code WsListener.onClose(session, status, reason)}, the application's or the interface's own: Helidon calls it
 * with the code of the peer's close frame (the echo of this side's, too, which comes second and changes nothing).
 */
public final class PeerCloseAdvice {
    private PeerCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closeReceived(@Advice.Argument(0) Object session, @Advice.Argument(1) int status) {
        CloseWatchBridge.closeReceived(session, Api.HELIDON, status);
    }
}
