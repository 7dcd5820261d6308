package io.closewatch.agent.instrumentation.jdk;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/**
 * {@code ReceiveTask.processError()}: counted on exit, because for a protocol error the JDK sends its own close
 * frame (1002) inside this method, before it calls the listener's {@code onError}.
 */
public final class FailedAdvice {
    private FailedAdvice() {
    }

    @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
    static void failed(@Advice.FieldValue("this$0") Object webSocket) {
        CloseWatchBridge.ended(webSocket, Api.JDK, -1);
    }
}
