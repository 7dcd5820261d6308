package io.closewatch.agent.instrumentation.helidon;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import net.bytebuddy.asm.Advice;

/** {@code WsRoute.create(path, listener)}: the sessions of this listener are labelled with the path it is routed by. */
public final class RouteAdvice {
    private RouteAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void routed(@Advice.Argument(0) String path, @Advice.Argument(1) Object listener) {
        CloseWatchBridge.pathTemplate(listener, path);
    }
}
