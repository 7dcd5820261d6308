package io.closewatch.agent.instrumentation.quarkus;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;
import net.bytebuddy.asm.Advice;

/**
 * The upgrade handler of a websockets-next endpoint, before it upgrades: the route's path is the endpoint's template
 * ({@code /chat/:room} for {@code @WebSocket(path = "/chat/{room}")}, written back as declared), told against the
 * HTTP connection, which the Vert.x session about to be made on it names as its endpoint.
 */
public final class UpgradeAdvice {
    private UpgradeAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void upgrading(@Advice.Argument(0) RoutingContext context) {
        Route route = context.currentRoute();
        String path = route == null ? null : route.getPath();
        if (path != null) {
            CloseWatchBridge.pathTemplate(context.request().connection(), path.replaceAll(":([A-Za-z0-9_]+)", "{$1}"));
        }
    }
}
