package io.closewatch.agent.instrumentation.undertow;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.constructor;
import static io.closewatch.agent.instrumentation.MethodMatch.named;

/**
 * Undertow's own close frames. Undertow's {@code jakarta.websocket} implementation is counted by the generic hooks,
 * but its core sends some closes by itself, on the connection, with no WebSocket API call to see (a message over
 * the size limit: 1009; a protocol error: 1002; its idle timeout: 1001), and the application is then told the
 * session ended as if the peer had closed it. These hooks tie each session to its connection
 * ({@code UndertowSession}'s constructor), see every close frame the core sends on a connection
 * ({@code WebSockets.sendInternal} and {@code sendBlockingInternal}, which every {@code sendClose} goes through), and
 * see the peer's close frame arrive ({@code FrameHandler.onFullCloseMessage}), so that the first close frame, either
 * way, says who closed. Its idle timer ({@code doClose()} of the {@code IdleTimeoutConduit} a {@code WebSocketChannel}
 * makes) is the cause of the session on its connection: {@code idle_timeout}.
 */
public final class UndertowWebSocketInstrumentation implements InstrumentationModule {
    private static final String CORE = "io.undertow.websockets.core.";
    private static final String JSR = "io.undertow.websockets.jsr.";

    @Override
    public String stack() {
        return "undertow";
    }

    /** The GUID is in the classes of this stack: its core's handshakes, which its JSR implementation runs on. */
    @Override
    public String[] handshakeClasses() {
        return new String[] {"io.undertow.websockets."};
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"sendBlockingInternal", "onFullCloseMessage", "UndertowSession",
            "io/undertow/conduits/IdleTimeoutConduit"};
    }

    @Override
    public List<TypeHooks> hooks() {
        ClassLoaderCanSee seesCore = ClassLoaderCanSee.canSee(CORE + "WebSocketChannel");
        return List.of(
                new TypeHooks(TypeMatch.named(JSR + "UndertowSession"), seesCore)
                        .advice(constructor().takesArgument(0, CORE + "WebSocketChannel"), advice("SessionAdvice")),
                new TypeHooks(TypeMatch.named(CORE + "WebSockets"))
                        .advice(named("sendInternal", "sendBlockingInternal")
                                        .takesArgument(1, CORE + "WebSocketFrameType")
                                        .takesArgument(2, CORE + "WebSocketChannel"),
                                advice("FrameSentAdvice")),
                new TypeHooks(TypeMatch.named(JSR + "FrameHandler"), seesCore)
                        .advice(named("onFullCloseMessage").takesArguments(2), advice("PeerCloseAdvice")),
                // The idle timer WebSocketChannel makes for itself, an inner class of it.
                new TypeHooks(TypeMatch.nameStartsWith(CORE + "WebSocketChannel$")
                        .and(TypeMatch.hasSuperType("io.undertow.conduits.IdleTimeoutConduit")), seesCore)
                        .advice(named("doClose").takesArguments(0), advice("IdleTimeoutAdvice")));
    }
}
