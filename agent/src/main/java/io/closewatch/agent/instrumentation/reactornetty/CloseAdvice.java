package io.closewatch.agent.instrumentation.reactornetty;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import net.bytebuddy.asm.Advice;

/**
 * {@code sendClose(frame)}: the application closes with a code, which is what its {@code receiveCloseStatus()} will
 * tell. A frame without a code is left to what follows: Reactor Netty cannot report it and fails the close. Recorded
 * when called: the frame goes out when the returned {@code Mono} is subscribed, in a lambda, a synthetic method Byte
 * Buddy leaves alone; a close never subscribed would still count as this side's first.
 */
public final class CloseAdvice {
    private CloseAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closeSent(@Advice.This Object session, @Advice.Argument(0) CloseWebSocketFrame frame,
                          @Advice.FieldValue("closeSent") int sent) {
        int code = frame.statusCode();
        if (sent == 0 && code != -1) {
            CloseWatchBridge.closeSent(session, Api.REACTOR_NETTY, code);
        }
    }
}
