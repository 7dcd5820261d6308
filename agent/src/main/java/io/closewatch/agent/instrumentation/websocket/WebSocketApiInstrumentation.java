package io.closewatch.agent.instrumentation.websocket;

import io.closewatch.agent.core.Api;
import io.closewatch.agent.instrumentation.Advices;
import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import net.bytebuddy.agent.builder.AgentBuilder;

import java.net.URI;
import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.declaresMethod;
import static net.bytebuddy.matcher.ElementMatchers.hasSuperType;
import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * The WebSocket API of Jakarta EE ({@code jakarta.websocket}) and of Java EE ({@code javax.websocket}), one
 * implementation for both: the advice is written against {@code jakarta.websocket}, and for {@code javax} its type
 * names are rewritten as Byte Buddy reads it ({@link Advices#inWebSocketNamespace}).
 * <p>
 * Types are matched cheaply first (their class loader sees the API; they declare the hooked method, read from their
 * own class file) and only then by their super types, which means reading other class files.
 * <p>
 * Hooks: every {@code Endpoint} subclass, which covers programmatic endpoints and the adapters through which Tomcat,
 * Undertow and Tyrus call annotated ones; every {@code Session} implementation, to learn when this side asks to
 * close; and {@code WebSocketContainer.connectToServer}, for the target of client sessions whose
 * {@code getRequestURI()} is null (Tomcat's). Containers that call annotated endpoints without an {@code Endpoint}
 * in between (Jetty) need a hook of their own.
 */
public final class WebSocketApiInstrumentation implements InstrumentationModule {
    /** The package prefix of the namespace, which is also its {@code api} label. */
    private final String namespace;

    private WebSocketApiInstrumentation(String namespace) {
        this.namespace = namespace;
    }

    public static WebSocketApiInstrumentation jakarta() {
        return new WebSocketApiInstrumentation(Api.JAKARTA);
    }

    public static WebSocketApiInstrumentation javax() {
        return new WebSocketApiInstrumentation(Api.JAVAX);
    }

    @Override
    public String stack() {
        return namespace + ".websocket";
    }

    /**
     * An endpoint's {@code onOpen}/{@code onClose} descriptors and a session implementation's interface list name
     * {@code Session}; a session subclass that overrides only {@code close(CloseReason)} names that.
     */
    @Override
    public String[] classFileNames() {
        return new String[] {"/websocket/Session", "/websocket/CloseReason", "connectToServer"};
    }

    @Override
    public List<TypeHooks> hooks(ClassLoader adviceLoader) {
        String api = namespace + ".websocket.";
        ClassLoaderCanSee seesApi = ClassLoaderCanSee.canSee(api + "Endpoint");
        AgentBuilder.Transformer.ForAdvice inNamespace = Advices.inWebSocketNamespace(namespace, adviceLoader);
        return List.of(
                new TypeHooks(declaresMethod(named("onOpen").or(named("onClose"))).and(not(isInterface()))
                        .and(hasSuperType(named(api + "Endpoint"))), seesApi, inNamespace
                        .advice(named("onOpen").and(not(isAbstract())).and(takesArguments(2))
                                        .and(takesArgument(0, named(api + "Session")))
                                        .and(takesArgument(1, named(api + "EndpointConfig"))),
                                advice("EndpointOpenAdvice"))
                        .advice(named("onClose").and(not(isAbstract())).and(takesArguments(2))
                                        .and(takesArgument(0, named(api + "Session")))
                                        .and(takesArgument(1, named(api + "CloseReason"))),
                                advice("EndpointCloseAdvice"))),
                new TypeHooks(declaresMethod(named("close")).and(not(isInterface()))
                        .and(hasSuperType(named(api + "Session"))), seesApi, inNamespace
                        .advice(named("close").and(not(isAbstract())).and(takesArguments(0)
                                        .or(takesArguments(1).and(takesArgument(0, named(api + "CloseReason"))))),
                                advice("SessionCloseAdvice"))),
                new TypeHooks(declaresMethod(named("connectToServer")).and(not(isInterface()))
                        .and(hasSuperType(named(api + "WebSocketContainer"))), seesApi, inNamespace
                        .advice(named("connectToServer").and(not(isAbstract()))
                                        .and(takesArguments(2).and(takesArgument(1, URI.class))
                                                .or(takesArguments(3).and(takesArgument(2, URI.class)))),
                                advice("ConnectAdvice"))));
    }
}
