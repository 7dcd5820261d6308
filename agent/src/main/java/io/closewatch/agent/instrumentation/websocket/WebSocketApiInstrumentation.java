package io.closewatch.agent.instrumentation.websocket;

import io.closewatch.agent.core.Api;
import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.net.URI;
import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.named;
import static io.closewatch.agent.instrumentation.TypeMatch.declaresMethod;
import static io.closewatch.agent.instrumentation.TypeMatch.hasSuperType;

/**
 * The WebSocket API of Jakarta EE ({@code jakarta.websocket}) and of Java EE ({@code javax.websocket}), one
 * implementation for both: the advice is written against {@code jakarta.websocket}, and for {@code javax} its type
 * names are rewritten as the advice is read ({@link TypeHooks#inWebSocketNamespace}).
 * <p>
 * Types are matched cheaply first (their class loader sees the API; they declare the hooked method, read from their
 * own class file) and only then by their super types, which means reading other class files.
 * <p>
 * Hooks: every {@code Endpoint} subclass (its open, close and error callbacks), which covers programmatic endpoints
 * and the adapters through which Tomcat, Undertow and Tyrus call annotated ones; every {@code Session} implementation, to learn when this side asks to
 * close; and {@code WebSocketContainer.connectToServer}, for the target of client sessions whose
 * {@code getRequestURI()} is null (Tomcat's); and Tyrus's idle timer, since Tyrus is counted through the API alone.
 * Containers that call annotated endpoints without an {@code Endpoint} in between (Jetty) need a hook of their own.
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
    /** The GUID is in the classes of this stack: Tyrus is counted through the API alone. */
    @Override
    public String[] handshakeClasses() {
        return new String[] {"org.glassfish.tyrus."};
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"/websocket/Session", "/websocket/CloseReason", "connectToServer",
            "TyrusSession$IdleTimeoutCommand"};
    }

    @Override
    public List<TypeHooks> hooks() {
        String api = namespace + ".websocket.";
        ClassLoaderCanSee seesApi = ClassLoaderCanSee.canSee(api + "Endpoint");
        return List.of(
                new TypeHooks(declaresMethod("onOpen", "onClose", "onError").notInterface()
                        .and(hasSuperType(api + "Endpoint")), seesApi).inWebSocketNamespace(namespace)
                        .advice(named("onOpen").notAbstract().takesArguments(api + "Session", api + "EndpointConfig"),
                                advice("EndpointOpenAdvice"))
                        .advice(named("onClose").notAbstract().takesArguments(api + "Session", api + "CloseReason"),
                                advice("EndpointCloseAdvice"))
                        .advice(named("onError").notAbstract().takesArguments(api + "Session", "java.lang.Throwable"),
                                advice("EndpointErrorAdvice")),
                new TypeHooks(declaresMethod("close").notInterface().and(hasSuperType(api + "Session")), seesApi)
                        .inWebSocketNamespace(namespace)
                        .advice(named("close").notAbstract().takesArguments(0)
                                        .or(named("close").notAbstract().takesArguments(api + "CloseReason")),
                                advice("SessionCloseAdvice")),
                new TypeHooks(declaresMethod("connectToServer").notInterface()
                        .and(hasSuperType(api + "WebSocketContainer")), seesApi).inWebSocketNamespace(namespace)
                        .advice(named("connectToServer").notAbstract().takesArguments(2)
                                        .takesArgument(1, "java.net.URI")
                                        .or(named("connectToServer").notAbstract().takesArguments(3)
                                                .takesArgument(2, "java.net.URI")),
                                advice("ConnectAdvice")),
                new TypeHooks(TypeMatch.named("org.glassfish.tyrus.core.TyrusSession$IdleTimeoutCommand"), seesApi)
                        .inWebSocketNamespace(namespace)
                        .advice(named("run").takesArguments(0), advice("TyrusIdleTimeoutAdvice")));
    }
}
