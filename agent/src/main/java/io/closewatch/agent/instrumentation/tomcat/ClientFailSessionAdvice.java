package io.closewatch.agent.instrumentation.tomcat;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.instrumentation.WebSocketApi;
import net.bytebuddy.asm.Advice;

/**
 * {@code WsFrameClient.close(Throwable)}: Tomcat's client fails the session. A {@code WsIOException} carries the
 * close frame it sends (a message too big, a protocol error); any other failure is an I/O error that ends the
 * connection without one (1006). The code is the one the container reports at the end.
 */
public final class ClientFailSessionAdvice {
    private ClientFailSessionAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void close(@Advice.FieldValue("wsSession") Object session, @Advice.Argument(0) Throwable failure,
                      @WebSocketApi String api) {
        if (failure != null && failure.getClass().getName().equals("org.apache.tomcat.websocket.WsIOException")) {
            CloseWatchBridge.closeSent(session, api, -1);
        }
    }
}
