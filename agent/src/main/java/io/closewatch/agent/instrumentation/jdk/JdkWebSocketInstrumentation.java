package io.closewatch.agent.instrumentation.jdk;

import io.closewatch.agent.instrumentation.InstrumentationModule;
import net.bytebuddy.agent.builder.AgentBuilder;

import java.net.URI;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

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
    static final String API = "jdk";
    public static final String PACKAGE = "jdk.internal.net.http.websocket.";
    private static final String WEB_SOCKET_IMPL = PACKAGE + "WebSocketImpl";

    @Override
    public String name() {
        return "java.net.http.WebSocket";
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"WebSocketImpl"};
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder, ClassLoader adviceLoader) {
        return builder
                .type(named(WEB_SOCKET_IMPL))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(adviceLoader)
                        .advice(isConstructor().and(takesArgument(0, URI.class)), OpenedAdvice.class.getName())
                        .advice(named("sendClose0").and(takesArguments(int.class, String.class)),
                                CloseSentAdvice.class.getName())
                        .advice(named("signalClose").and(takesArguments(int.class, String.class)),
                                CloseReceivedAdvice.class.getName())
                        .advice(named("abort").and(takesArguments(0)), AbortAdvice.class.getName()))
                .type(named(WEB_SOCKET_IMPL + "$ReceiveTask"))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(adviceLoader)
                        .advice(named("processClose").and(takesArguments(0)), ClosedAdvice.class.getName())
                        .advice(named("processError").and(takesArguments(0)), FailedAdvice.class.getName()));
    }
}
