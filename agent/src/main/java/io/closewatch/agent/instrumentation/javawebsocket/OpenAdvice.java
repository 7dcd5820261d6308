package io.closewatch.agent.instrumentation.javawebsocket;

import io.closewatch.agent.bootstrap.CloseWatchBridge;
import io.closewatch.agent.core.Api;
import net.bytebuddy.asm.Advice;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.WebSocketListener;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.Handshakedata;
import org.java_websocket.handshake.ServerHandshake;

/**
 * The session opens, just before the application's {@code onOpen}: a client got the server's handshake, a server
 * the client's (whose path, without its query, is the endpoint). A connection the library closed meanwhile ends
 * at once.
 */
public final class OpenAdvice {
    private OpenAdvice() {
    }

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void open(@Advice.This WebSocketImpl session, @Advice.Argument(0) Handshakedata handshake) {
        if (handshake instanceof ServerHandshake) {
            WebSocketListener listener = session.getWebSocketListener();
            CloseWatchBridge.opened(session, Api.JAVA_WEBSOCKET, null, null,
                    listener instanceof WebSocketClient ? ((WebSocketClient) listener).getURI() : null);
        } else {
            String path = session.getResourceDescriptor();
            int query = path == null ? -1 : path.indexOf('?');
            CloseWatchBridge.opened(session, Api.JAVA_WEBSOCKET, null,
                    path == null ? "/" : query < 0 ? path : path.substring(0, query), null);
        }
        if (session.isClosed()) { // closed by another thread before it opened (see EndAdvice)
            CloseWatchBridge.endedIfSeen(session, Api.JAVA_WEBSOCKET, true);
        }
    }
}
