package io.closewatch.agent.instrumentation.javawebsocket;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.named;

/**
 * Java-WebSocket (1.5 and 1.6), server and client: every session is a {@code WebSocketImpl}. It opens in
 * {@code open(Handshakedata)}, where the application's {@code onOpen} is called (a server's with the request's
 * path: Java-WebSocket knows no template; a client's with its {@code WebSocketClient}'s URI); this side's close frame
 * goes out in {@code close(code, message, remote)} while the session is open and {@code remote} is false (the
 * library's own closes, a protocol error or a message too big, come the same way), code 1006 there being an abort;
 * the peer's close frame is {@code Draft_6455.processFrameClosing}; the end is {@code closeConnection(code, message,
 * remote)} with the code the application's {@code onClose} is told, once, for a session that opened.
 */
public final class JavaWebSocketInstrumentation implements InstrumentationModule {
    @Override
    public String stack() {
        return "java-websocket";
    }

    /** The GUID is in the classes of this stack: {@code Draft_6455} answers and checks the accept key. */
    @Override
    public String[] handshakeClasses() {
        return new String[] {"org.java_websocket."};
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"java_websocket/WebSocketImpl", "processFrameClosing"};
    }

    @Override
    public List<TypeHooks> hooks() {
        ClassLoaderCanSee seesJavaWebSocket = ClassLoaderCanSee.canSee("org.java_websocket.WebSocket");
        return List.of(
                new TypeHooks(TypeMatch.named("org.java_websocket.WebSocketImpl"), seesJavaWebSocket)
                        .advice(named("open").takesArguments("org.java_websocket.handshake.Handshakedata"),
                                advice("OpenAdvice"))
                        .advice(named("close").takesArguments("int", "java.lang.String", "boolean"),
                                advice("CloseAdvice"))
                        .advice(named("closeConnection").takesArguments("int", "java.lang.String", "boolean"),
                                advice("EndAdvice")),
                new TypeHooks(TypeMatch.named("org.java_websocket.drafts.Draft_6455"), seesJavaWebSocket)
                        .advice(named("processFrameClosing").takesArguments(2), advice("PeerCloseAdvice")),
                new TypeHooks(TypeMatch.declaresMethod("onWebsocketError")
                        .and(TypeMatch.hasSuperType("org.java_websocket.WebSocketListener")), seesJavaWebSocket)
                        .advice(named("onWebsocketError").takesArguments(2).notAbstract(), advice("ErrorAdvice"))
                        .shared());
    }
}
