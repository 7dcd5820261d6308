package io.closewatch.agent.instrumentation.websocket;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

import java.net.URI;

/** {@code WebSocketContainer.connectToServer(..., URI)}: remembers the target while the session opens. */
public final class ConnectAdvice {
    private ConnectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void connecting(@Advice.AllArguments Object[] arguments) {
        CloseWatchBridge.clientConnecting((URI) arguments[arguments.length - 1]);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void connected() {
        CloseWatchBridge.clientConnecting(null);
    }
}
