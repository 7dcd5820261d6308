package io.closewatch.agent.instrumentation.javawebsocket;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;
import org.java_websocket.WebSocketImpl;

/**
 * This side closes an open session (the application, or the library on a protocol error or a message too big): a
 * close frame with {@code code} goes out, or, for 1006, the connection is dropped (an abort). Recorded before the
 * frame goes: the session is still open while it is sent, and the peer's answer may be decoded on another thread
 * before {@code close} returns. A {@code remote} close is the echo of the peer's frame, already seen.
 */
public final class CloseAdvice {
    private CloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void close(@Advice.This WebSocketImpl session, @Advice.Argument(0) int code,
                      @Advice.Argument(2) boolean remote) {
        if (!remote && session.isOpen()) {
            if (code == 1006) {
                CloseWatchBridge.aborted(session, Api.JAVA_WEBSOCKET);
            } else {
                CloseWatchBridge.closeSent(session, Api.JAVA_WEBSOCKET, code);
            }
        }
    }
}
