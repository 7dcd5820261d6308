package io.closewatch.agent.instrumentation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * WebSocket stacks the agent recognises by a class they load when in use, whether it counts them or not: the
 * {@code stack} label of {@code closewatch_stack_info}. A stack no module counts is named in the log as soon as the
 * application loads it, so that an unobserved stack never looks like a quiet one. The classes are those a stack loads
 * only to run WebSocket sessions, never the shared parts a counted stack builds on (Undertow's JSR implementation
 * runs on Undertow's core WebSocket API, so the core API cannot tell the two apart and is not listed). JDK types
 * only: this runs for every class the JVM loads.
 */
public final class KnownStacks {
    /** Stack label to the internal names (or their prefixes) of classes that show it at work. */
    private static final Map<String, String[]> CLASSES = Map.of(
            "jetty-api", new String[] {"org/eclipse/jetty/websocket/common/JettyWebSocketFrameHandler", // 10-12
                "org/eclipse/jetty/websocket/common/events/JettyListenerEventDriver", // 9.4
                "org/eclipse/jetty/websocket/common/events/JettyAnnotatedEventDriver"},
            // Spring's hook is on the containers' upgrade, which shows no Spring at work: its registration does.
            "spring-websocket", new String[] {"org/springframework/web/socket/server/standard/ServerEndpointRegistration",
                "org/springframework/web/socket/server/jetty/JettyRequestUpgradeStrategy"},
            "netty", new String[] {"io/netty/handler/codec/http/websocketx/WebSocketServerHandshaker",
                "io/netty/handler/codec/http/websocketx/WebSocketClientHandshaker"},
            "reactor-netty", new String[] {"reactor/netty/http/server/WebsocketServerOperations",
                "reactor/netty/http/client/WebsocketClientOperations"},
            "vertx", new String[] {"io/vertx/core/http/impl/ServerWebSocketImpl",
                "io/vertx/core/http/impl/ClientWebSocketImpl", "io/vertx/core/http/impl/WebSocketImpl",
                "io/vertx/core/http/impl/websocket/"},
            "okhttp", new String[] {"okhttp3/internal/ws/RealWebSocket"},
            "java-websocket", new String[] {"org/java_websocket/WebSocketImpl"});

    /**
     * Stacks whose classes also run under a framework that is a stack of its own, and a class file of each such
     * framework: Netty's WebSocket codec is Vert.x's and Reactor Netty's too, so in a class loader that can see one
     * of them it is that framework's at work, named (and counted) by the framework's own classes.
     */
    private static final Map<String, List<String>> FRAMEWORKS_ON_TOP = Map.of(
            "netty", List.of("io/vertx/core/http/impl/WebSocketImplBase.class",
                    "reactor/netty/http/websocket/WebsocketInbound.class"));

    /** {@link #CLASSES} flattened, each prefix with its stack: no iterator is made per class loaded. */
    private static final String[] PREFIXES;
    private static final String[] STACKS;

    static {
        List<String> prefixes = new ArrayList<>();
        List<String> stacks = new ArrayList<>();
        for (Map.Entry<String, String[]> stack : CLASSES.entrySet()) {
            for (String prefix : stack.getValue()) {
                prefixes.add(prefix);
                stacks.add(stack.getKey());
            }
        }
        PREFIXES = prefixes.toArray(new String[0]);
        STACKS = stacks.toArray(new String[0]);
    }

    private KnownStacks() {
    }

    /** Whether {@code stack}'s class loaded by {@code loader} is a framework's on top of it (see above). */
    public static boolean servesFrameworkOnTop(String stack, ClassLoader loader) {
        if (loader == null) {
            return false;
        }
        for (String framework : FRAMEWORKS_ON_TOP.getOrDefault(stack, List.of())) {
            if (loader.getResource(framework) != null) {
                return true;
            }
        }
        return false;
    }

    /** The stack whose class {@code internalName} is, or null. Runs for every class the host loads. */
    public static String stackOf(String internalName) {
        if (internalName == null) {
            return null;
        }
        for (int i = 0; i < PREFIXES.length; i++) {
            if (internalName.startsWith(PREFIXES[i])) {
                return STACKS[i];
            }
        }
        return null;
    }
}
