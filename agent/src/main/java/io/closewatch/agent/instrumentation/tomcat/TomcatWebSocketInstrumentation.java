package io.closewatch.agent.instrumentation.tomcat;

import io.closewatch.agent.instrumentation.ClassLoaderCanSee;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.websocket.WebSocketApiInstrumentation;
import net.bytebuddy.agent.builder.AgentBuilder;

import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

/**
 * Tomcat's server-side upgrade handler, for both namespaces (Tomcat 10+ implements {@code jakarta.websocket},
 * Tomcat 9 {@code javax.websocket}, under the same class name). When Tomcat fails a session itself, for a message
 * too big or a protocol error, it sends its close frame from {@code WsHttpUpgradeHandler.close(CloseReason)}, through
 * the very method that also handles the peer's close frames ({@code WsSession.onClose}); no WebSocket API call
 * shows it, so without this hook such a close would be put down to the peer.
 */
public final class TomcatWebSocketInstrumentation implements InstrumentationModule {
    private static final String UPGRADE_HANDLER = "org.apache.tomcat.websocket.server.WsHttpUpgradeHandler";

    private final String namespace;

    private TomcatWebSocketInstrumentation(String namespace) {
        this.namespace = namespace;
    }

    public static TomcatWebSocketInstrumentation jakarta() {
        return new TomcatWebSocketInstrumentation("jakarta");
    }

    public static TomcatWebSocketInstrumentation javax() {
        return new TomcatWebSocketInstrumentation("javax");
    }

    @Override
    public String name() {
        return "Tomcat " + namespace + ".websocket";
    }

    @Override
    public String[] classFileNames() {
        return new String[] {"WsHttpUpgradeHandler"};
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder, ClassLoader adviceLoader) {
        String closeReason = namespace + ".websocket.CloseReason";
        return builder
                .type(named(UPGRADE_HANDLER), ClassLoaderCanSee.canSee(closeReason))
                .transform(WebSocketApiInstrumentation.advice(namespace, adviceLoader)
                        .advice(named("close").and(takesArguments(1)).and(takesArgument(0, named(closeReason))),
                                FailSessionAdvice.class.getName()));
    }
}
