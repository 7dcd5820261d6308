package io.closewatch.agent.instrumentation.javawebsocket;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;
import org.java_websocket.WebSocketImpl;

/**
 * The connection is closed and the application told {@code code}: the end of a session that was open (a session
 * already closed is not ended twice). A server decodes the opening handshake on a worker thread while its selector
 * thread may close the connection (a reset): a session whose opening the hooks saw ends too, whatever state the
 * library had reached; a handshake that failed never was one. Every peer close frame is seen.
 */
public final class EndAdvice {
    private EndAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static boolean wasOpen(@Advice.This WebSocketImpl session) {
        return session.isOpen() || session.isClosing();
    }

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void end(@Advice.This WebSocketImpl session, @Advice.Argument(0) int code, @Advice.Enter boolean wasOpen) {
        if (wasOpen) {
            CloseWatchBridge.ended(session, Api.JAVA_WEBSOCKET, code, true);
        } else {
            CloseWatchBridge.endedIfSeen(session, Api.JAVA_WEBSOCKET, true);
        }
    }
}
