package io.closewatch.agent.instrumentation.tomcat;

import io.closewatch.agent.core.Api;
import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.TypeMatch;

import java.util.List;

import static io.closewatch.agent.instrumentation.MethodMatch.named;

/**
 * Where Tomcat fails a session itself, for both namespaces (Tomcat 10+ implements {@code jakarta.websocket}, Tomcat 9
 * {@code javax.websocket}, under the same class names). For a message too big or a protocol error the server sends
 * its close frame from {@code WsHttpUpgradeHandler.close(CloseReason)}, through the very method that also handles
 * the peer's close frames ({@code WsSession.onClose}); the client does so from {@code WsFrameClient.close}. Its idle
 * timeout closes through {@code WsSession.doClose}, sending 1001 while it tells the application 1006. No WebSocket
 * API call shows these closes, so without these hooks they would be put down to the peer, or to no one.
 */
public final class TomcatWebSocketInstrumentation implements InstrumentationModule {
    private static final String UPGRADE_HANDLER = "org.apache.tomcat.websocket.server.WsHttpUpgradeHandler";
    private static final String CLIENT_FRAME_READER = "org.apache.tomcat.websocket.WsFrameClient";
    private static final String SESSION = "org.apache.tomcat.websocket.WsSession";

    private final String namespace;

    private TomcatWebSocketInstrumentation(String namespace) {
        this.namespace = namespace;
    }

    public static TomcatWebSocketInstrumentation jakarta() {
        return new TomcatWebSocketInstrumentation(Api.JAKARTA);
    }

    public static TomcatWebSocketInstrumentation javax() {
        return new TomcatWebSocketInstrumentation(Api.JAVAX);
    }

    @Override
    public String stack() {
        return "tomcat";
    }

    /** The GUID is in the classes of this stack: Tomcat's server answers in {@code UpgradeUtil}. */
    @Override
    public String[] handshakeClasses() {
        return new String[] {"org.apache.tomcat.websocket."};
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"WsHttpUpgradeHandler", "WsFrameClient", "org/apache/tomcat/websocket/WsSession"};
    }

    @Override
    public List<TypeHooks> hooks() {
        String closeReason = namespace + ".websocket.CloseReason";
        ClassLoaderCanSee seesApi = ClassLoaderCanSee.canSee(closeReason);
        return List.of(
                new TypeHooks(TypeMatch.named(UPGRADE_HANDLER), seesApi).inWebSocketNamespace(namespace)
                        .advice(named("close").takesArguments(closeReason), advice("FailSessionAdvice")),
                new TypeHooks(TypeMatch.named(CLIENT_FRAME_READER), seesApi).inWebSocketNamespace(namespace)
                        .advice(named("close").takesArguments("java.lang.Throwable"),
                                advice("ClientFailSessionAdvice")),
                // Optional: a loader that sees both namespaces has one Tomcat, whose session has the other's only.
                new TypeHooks(TypeMatch.named(SESSION), seesApi).inWebSocketNamespace(namespace)
                        .adviceIfPresent(named("doClose").takesArguments(closeReason, closeReason),
                                advice("LocalCloseAdvice")));
    }
}
