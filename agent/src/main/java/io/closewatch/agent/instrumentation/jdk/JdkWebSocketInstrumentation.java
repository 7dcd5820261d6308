package io.closewatch.agent.instrumentation.jdk;

import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.net.URI;
import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.constructor;
import static io.closewatch.agent.instrumentation.MethodMatch.named;

/**
 * {@code java.net.http.WebSocket}, through its one implementation {@code jdk.internal.net.http.websocket.WebSocketImpl}
 * (the same on JDK 17 and 25). The listener's callbacks alone cannot tell what happened: {@code abort()} calls none,
 * a reset calls only {@code onError}, and a sent close is never reported. So the hooks sit where the JDK decides:
 * <ul>
 *   <li>constructor: the session opens;</li>
 *   <li>{@code sendClose0}: a close frame goes out (the application's, the automatic echo, or the JDK's own 1002);</li>
 *   <li>{@code signalClose}: the peer's close frame arrived (or, as 1006, the stream ended without one);</li>
 *   <li>{@code abort}: this side dropped the connection;</li>
 *   <li>{@code ReceiveTask.processClose} / {@code processError}: the listener is told it is over.</li>
 * </ul>
 */
public final class JdkWebSocketInstrumentation implements InstrumentationModule {
    private static final String PACKAGE = "jdk.internal.net.http.websocket.";
    private static final String WEB_SOCKET_IMPL = PACKAGE + "WebSocketImpl";

    @Override
    public String stack() {
        return "java.net.http";
    }

    /** The GUID is in the classes of this stack: {@code OpeningHandshake} checks the accept key. */
    @Override
    public String[] handshakeClasses() {
        return new String[] {"jdk.internal.net.http.websocket."};
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"WebSocketImpl"};
    }

    @Override
    public String[] jdkPackages() {
        return new String[] {PACKAGE};
    }

    @Override
    public List<TypeHooks> hooks() {
        return List.of(
                new TypeHooks(TypeMatch.named(WEB_SOCKET_IMPL))
                        .advice(constructor().takesArgument(0, "java.net.URI"), advice("OpenedAdvice"))
                        .advice(named("sendClose0").takesArguments("int", "java.lang.String"),
                                advice("CloseSentAdvice"))
                        .advice(named("signalClose").takesArguments("int", "java.lang.String"),
                                advice("CloseReceivedAdvice"))
                        .advice(named("abort").takesArguments(0), advice("AbortAdvice"))
                        .adviceIfPresent(named("signalError").takesArguments("java.lang.Throwable"),
                                advice("ErrorAdvice")),
                new TypeHooks(TypeMatch.named(WEB_SOCKET_IMPL + "$ReceiveTask"))
                        .advice(named("processClose").takesArguments(0), advice("ClosedAdvice"))
                        .advice(named("processError").takesArguments(0), advice("FailedAdvice")));
    }
}
