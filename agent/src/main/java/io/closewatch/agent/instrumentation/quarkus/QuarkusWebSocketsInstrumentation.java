package io.closewatch.agent.instrumentation.quarkus;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.named;
import static io.closewatch.agent.instrumentation.TypeMatch.declaresMethod;
import static io.closewatch.agent.instrumentation.TypeMatch.nameStartsWith;

/**
 * Quarkus websockets-next on Vert.x: the sessions are Vert.x's (counted by its own module, {@code api="vertx"});
 * Quarkus tells them the {@code @WebSocket(path = ...)} template their endpoint declares, which becomes their
 * endpoint label. Its recorder's upgrade handler ({@code httpUpgrade(routingContext, userData)}, in the handler
 * {@code createEndpointHandler} makes for each endpoint) runs on the route Quarkus registered for the endpoint, with
 * the template's {@code {name}} parameters written as Vert.x's {@code :name}.
 */
public final class QuarkusWebSocketsInstrumentation implements InstrumentationModule {
    private static final String RECORDER = "io.quarkus.websockets.next.runtime.WebSocketServerRecorder";

    @Override
    public String stack() {
        return "quarkus-websockets-next";
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"websockets/next/runtime/WebSocketServerRecorder$"};
    }

    @Override
    public List<TypeHooks> hooks() {
        return List.of(new TypeHooks(nameStartsWith(RECORDER + "$").and(declaresMethod("httpUpgrade")),
                ClassLoaderCanSee.canSee(RECORDER))
                .advice(named("httpUpgrade").takesArgument(0, "io.vertx.ext.web.RoutingContext"),
                        advice("UpgradeAdvice")));
    }
}
