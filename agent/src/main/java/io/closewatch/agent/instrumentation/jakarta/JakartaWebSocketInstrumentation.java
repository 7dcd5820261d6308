package io.closewatch.agent.instrumentation.jakarta;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import net.bytebuddy.agent.builder.AgentBuilder;

import java.net.URI;

import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * {@code jakarta.websocket}: every {@code Endpoint} subclass, which covers programmatic endpoints and the adapters
 * through which Tomcat, Undertow and Tyrus call annotated ones, and every {@code Session} implementation, to learn
 * when this side asks to close, and {@code WebSocketContainer.connectToServer}, for the target of client sessions
 * whose {@code getRequestURI()} is null (Tomcat's). Containers that call annotated endpoints without an {@code Endpoint} in between
 * (Jetty) need a hook of their own.
 */
public final class JakartaWebSocketInstrumentation implements InstrumentationModule {
    static final String API = "jakarta";
    private static final String PACKAGE = "jakarta.websocket.";

    @Override
    public String name() {
        return "jakarta.websocket";
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder, ClassLoader adviceLoader) {
        ClassLoaderCanSee seesApi = ClassLoaderCanSee.canSee(PACKAGE + "Endpoint");
        return builder
                .type(not(isInterface()).and(hasSuperType(named(PACKAGE + "Endpoint"))), seesApi)
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(adviceLoader)
                        .advice(named("onOpen").and(not(isAbstract())).and(takesArguments(2))
                                        .and(takesArgument(0, named(PACKAGE + "Session")))
                                        .and(takesArgument(1, named(PACKAGE + "EndpointConfig"))),
                                EndpointOpenAdvice.class.getName())
                        .advice(named("onClose").and(not(isAbstract())).and(takesArguments(2))
                                        .and(takesArgument(0, named(PACKAGE + "Session")))
                                        .and(takesArgument(1, named(PACKAGE + "CloseReason"))),
                                EndpointCloseAdvice.class.getName()))
                .type(not(isInterface()).and(hasSuperType(named(PACKAGE + "Session"))), seesApi)
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(adviceLoader)
                        .advice(named("close").and(not(isAbstract())).and(takesArguments(0)
                                        .or(takesArguments(1).and(takesArgument(0, named(PACKAGE + "CloseReason"))))),
                                SessionCloseAdvice.class.getName()))
                .type(not(isInterface()).and(hasSuperType(named(PACKAGE + "WebSocketContainer"))), seesApi)
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(adviceLoader)
                        .advice(named("connectToServer").and(not(isAbstract()))
                                        .and(takesArguments(2).and(takesArgument(1, URI.class))
                                                .or(takesArguments(3).and(takesArgument(2, URI.class)))),
                                ConnectAdvice.class.getName()));
    }
}
