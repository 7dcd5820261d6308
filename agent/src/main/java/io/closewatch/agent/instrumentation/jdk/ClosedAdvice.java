package io.closewatch.agent.instrumentation.jdk;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;

/** {@code ReceiveTask.processClose()}: the listener is about to get {@code onClose}. */
public final class ClosedAdvice {
    private ClosedAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void closed(@Advice.FieldValue("this$0") Object webSocket) {
        CloseWatchBridge.ended(webSocket, Api.JDK, -1);
    }
}
