package io.closewatch.agent.instrumentation.undertow;

import io.closewatch.agent.instrumentation.Advices;
import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;

import java.util.List;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Undertow's own close frames. Undertow's {@code jakarta.websocket} implementation is counted by the generic hooks,
 * but its core sends some closes by itself, on the connection, with no WebSocket API call to see (a message over
 * the size limit: 1009; a protocol error: 1002; its idle timeout: 1001), and the application is then told the
 * session ended as if the peer had closed it. These hooks tie each session to its connection
 * ({@code UndertowSession}'s constructor), see every close frame the core sends on a connection
 * ({@code WebSockets.sendInternal} and {@code sendBlockingInternal}, which every {@code sendClose} goes through), and
 * see the peer's close frame arrive ({@code FrameHandler.onFullCloseMessage}), so that the first close frame, either
 * way, says who closed.
 */
public final class UndertowWebSocketInstrumentation implements InstrumentationModule {
    private static final String CORE = "io.undertow.websockets.core.";
    private static final String JSR = "io.undertow.websockets.jsr.";

    @Override
    public String stack() {
        return "undertow";
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"sendBlockingInternal", "onFullCloseMessage", "UndertowSession"};
    }

    @Override
    public List<TypeHooks> hooks(ClassLoader adviceLoader) {
        return List.of(
                new TypeHooks(named(JSR + "UndertowSession"), ClassLoaderCanSee.canSee(CORE + "WebSocketChannel"),
                        Advices.plain(adviceLoader).advice(isConstructor()
                                .and(takesArgument(0, named(CORE + "WebSocketChannel"))), advice("SessionAdvice"))),
                new TypeHooks(named(CORE + "WebSockets"), Advices.plain(adviceLoader)
                        .advice(named("sendInternal").or(named("sendBlockingInternal"))
                                        .and(takesArgument(1, named(CORE + "WebSocketFrameType")))
                                        .and(takesArgument(2, named(CORE + "WebSocketChannel"))),
                                advice("FrameSentAdvice"))),
                new TypeHooks(named(JSR + "FrameHandler"), ClassLoaderCanSee.canSee(CORE + "WebSocketChannel"),
                        Advices.plain(adviceLoader).advice(named("onFullCloseMessage").and(takesArguments(2)),
                                advice("PeerCloseAdvice"))));
    }
}
