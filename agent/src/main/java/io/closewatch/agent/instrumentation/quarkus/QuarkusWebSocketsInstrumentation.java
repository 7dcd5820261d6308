package io.closewatch.agent.instrumentation.quarkus;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.constructor;
import static io.closewatch.agent.instrumentation.MethodMatch.named;
import static io.closewatch.agent.instrumentation.TypeMatch.declaresMethod;
import static io.closewatch.agent.instrumentation.TypeMatch.nameStartsWith;

/**
 * Quarkus websockets-next on Vert.x: the sessions are Vert.x's (counted by its own module, {@code api="vertx"});
 * Quarkus tells them the {@code @WebSocket(path = ...)} template their endpoint declares, which becomes their
 * endpoint label. Its recorder's upgrade handler ({@code httpUpgrade(routingContext, userData)}, in the handler
 * {@code createEndpointHandler} makes for each endpoint) runs on the route Quarkus registered for the endpoint, with
 * the template's {@code {name}} parameters written as Vert.x's {@code :name}. An endpoint method's failure, which
 * Quarkus hands to the endpoint's {@code doOnError} (and, where no {@code @OnError} takes it, to
 * {@code Endpoints.handleFailure}), is the cause of the Vert.x session under Quarkus's connection, tied to it when the
 * connection is made.
 */
public final class QuarkusWebSocketsInstrumentation implements InstrumentationModule {
    private static final String RUNTIME = "io.quarkus.websockets.next.runtime.";
    private static final String RECORDER = RUNTIME + "WebSocketServerRecorder";
    private static final String ENDPOINT = RUNTIME + "WebSocketEndpointBase";

    @Override
    public String stack() {
        return "quarkus-websockets-next";
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"websockets/next/runtime/WebSocketServerRecorder$",
            "websockets/next/runtime/WebSocketConnectionImpl", "websockets/next/runtime/Endpoints",
            "websockets/next/runtime/WebSocketEndpointBase"};
    }

    @Override
    public List<TypeHooks> hooks() {
        ClassLoaderCanSee seesRecorder = ClassLoaderCanSee.canSee(RECORDER);
        return List.of(new TypeHooks(nameStartsWith(RECORDER + "$").and(declaresMethod("httpUpgrade")), seesRecorder)
                        .advice(named("httpUpgrade").takesArgument(0, "io.vertx.ext.web.RoutingContext"),
                                advice("UpgradeAdvice")),
                new TypeHooks(TypeMatch.named(RUNTIME + "WebSocketConnectionImpl"), seesRecorder)
                        .adviceIfPresent(constructor().takesArgument(2, "io.vertx.core.http.ServerWebSocket"),
                                advice("ConnectionAdvice")).shared(),
                new TypeHooks(TypeMatch.named(RUNTIME + "Endpoints"), seesRecorder)
                        .adviceIfPresent(named("handleFailure").takesArguments(4)
                                .takesArgument(1, "java.lang.Throwable"), advice("FailureAdvice")).shared(),
                // The endpoints Quarkus generates at build time, and their base.
                new TypeHooks(declaresMethod("doOnError").and(TypeMatch.hasSuperType(ENDPOINT)), seesRecorder)
                        .advice(named("doOnError").takesArguments("java.lang.Throwable").notAbstract(),
                                advice("EndpointErrorAdvice")).shared());
    }
}
