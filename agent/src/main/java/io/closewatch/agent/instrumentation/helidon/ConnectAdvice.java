package io.closewatch.agent.instrumentation.helidon;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

import java.net.URI;

/**
 * {@code WsClientImpl.connect(uri, listener)}: the session it makes opens under this target (a path the client
 * resolves against its base URI is {@code unknown}).
 */
public final class ConnectAdvice {
    private ConnectAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void connecting(@Advice.Argument(0) URI target) {
        CloseWatchBridge.clientConnecting(target);
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void connected() {
        CloseWatchBridge.clientConnecting(null);
    }
}
