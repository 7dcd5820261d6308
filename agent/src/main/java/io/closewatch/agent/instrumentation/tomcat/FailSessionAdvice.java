package io.closewatch.agent.instrumentation.tomcat;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.instrumentation.WebSocketApi;
import jakarta.websocket.CloseReason;
import net.bytebuddy.asm.Advice;

/**
 * {@code WsHttpUpgradeHandler.close(CloseReason)}: Tomcat fails the session and sends this code. With 1006 it
 * only gives up on a connection that failed (end of stream, I/O error): no close frame gets through.
 */
public final class FailSessionAdvice {
    private FailSessionAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void close(@Advice.FieldValue("wsSession") Object session, @Advice.Argument(0) CloseReason reason,
                      @WebSocketApi String api) {
        int code = reason == null || reason.getCloseCode() == null ? -1 : reason.getCloseCode().getCode();
        if (code != 1006) {
            CloseWatchBridge.closeSent(session, api, code);
        }
    }
}
