package io.closewatch.agent.instrumentation.websocket;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.instrumentation.WebSocketApi;
import jakarta.websocket.CloseReason;
import net.bytebuddy.asm.Advice;

/** {@code Endpoint.onClose}: the session is over, with the code the container reports to the application. */
public final class EndpointCloseAdvice {
    private EndpointCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void onClose(@Advice.Argument(0) Object session, @Advice.Argument(1) CloseReason reason,
                        @WebSocketApi String api) {
        CloseWatchBridge.ended(session, api,
                reason == null || reason.getCloseCode() == null ? -1 : reason.getCloseCode().getCode());
    }
}
