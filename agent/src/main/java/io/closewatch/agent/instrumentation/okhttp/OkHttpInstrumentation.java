package io.closewatch.agent.instrumentation.okhttp;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.named;

/**
 * OkHttp's WebSocket client (4.12 and 5.x): every session is a {@code RealWebSocket}. It opens where its reader
 * loop starts ({@code loopReader}, just before the listener's {@code onOpen}); the peer's close frame arrives in
 * {@code onReadClose(code, reason)}, whose code the listener is given in {@code onClosing} and {@code onClosed};
 * this side's in {@code close(code, reason, timeout)} when it returns true (the frame is queued);
 * {@code cancel()} drops the connection (1006, as the JDK client's {@code abort()}); {@code failWebSocket} is a
 * connection lost or refused without a close frame (1006), which the listener sees as {@code onFailure}.
 */
public final class OkHttpInstrumentation implements InstrumentationModule {
    @Override
    public String stack() {
        return "okhttp";
    }

    /** The GUID is in the classes of this stack: {@code RealWebSocket} checks the accept key. */
    @Override
    public String[] handshakeClasses() {
        return new String[] {"okhttp3.internal.ws."};
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"RealWebSocket"};
    }

    @Override
    public List<TypeHooks> hooks() {
        return List.of(new TypeHooks(TypeMatch.named("okhttp3.internal.ws.RealWebSocket"),
                ClassLoaderCanSee.canSee("okhttp3.WebSocketListener"))
                .advice(named("loopReader"), advice("OpenAdvice"))
                .advice(named("onReadClose").takesArguments(2), advice("PeerCloseAdvice"))
                .advice(named("close").takesArguments(3).returns("boolean"), advice("CloseAdvice"))
                .advice(named("cancel").takesArguments(0), advice("CancelAdvice"))
                .advice(named("failWebSocket").takesArgument(0, "java.lang.Exception"), advice("FailureAdvice")));
    }
}
