package io.closewatch.agent.instrumentation.javawebsocket;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.framing.Framedata;

/** The peer's close frame arrived; without a code it is 1005, as the application is told. */
public final class PeerCloseAdvice {
    private PeerCloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void peerClose(@Advice.Argument(0) WebSocketImpl session, @Advice.Argument(1) Framedata frame) {
        CloseWatchBridge.closeReceived(session, Api.JAVA_WEBSOCKET,
                frame instanceof CloseFrame ? ((CloseFrame) frame).getCloseCode() : 1005);
    }
}
