package io.closewatch.agent.instrumentation.tomcat;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.instrumentation.WebSocketApi;
import jakarta.websocket.CloseReason;
import net.bytebuddy.asm.Advice;

/**
 * {@code WsSession.doClose(sent, toldTheApplication)}: this side closes, with the first code on the wire. Its own idle
 * timeout goes this way too: Tomcat sends 1001 and tells the application 1006, and the session is this side's close,
 * not the peer vanishing. (An application's {@code close} also goes this way; the API hook has seen it already.)
 */
public final class LocalCloseAdvice {
    private LocalCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void close(@Advice.This Object session, @Advice.Argument(0) CloseReason sent,
                      @Advice.Argument(1) CloseReason told, @WebSocketApi String api) {
        if (sent != null && sent.getCloseCode() != null) {
            int code = sent.getCloseCode().getCode();
            // Only its idle timeout sends 1001 and tells the application 1006 (WsSession.checkExpiration).
            if (code == 1001 && told != null && told.getCloseCode() != null && told.getCloseCode().getCode() == 1006) {
                CloseWatchBridge.idleTimedOut(session);
            }
            CloseWatchBridge.closeSent(session, api, code);
        }
    }
}
