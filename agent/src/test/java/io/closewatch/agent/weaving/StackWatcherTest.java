package io.closewatch.agent.weaving;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class StackWatcherTest {
    private final StackWatcher watcher = new StackWatcher();
    private final List<String> sightings = new ArrayList<>();

    private void load(String internalName) {
        assertNull(watcher.transform(null, internalName, null, null, new byte[0]), "no class is changed");
    }

    @Test
    void theFirstClassOfEachKnownStackIsReportedOnce() {
        watcher.reportTo((stack, className) -> sightings.add(stack + " " + className));
        load("io/netty/handler/codec/http/websocketx/WebSocketServerHandshaker13");
        load("io/netty/handler/codec/http/websocketx/WebSocketServerHandshaker");
        load("okhttp3/internal/ws/RealWebSocket");
        load("org/eclipse/jetty/websocket/common/JettyWebSocketFrameHandler");
        load("io/vertx/core/http/impl/websocket/WebSocketImplBase");
        assertEquals(List.of("netty io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker13",
                "okhttp okhttp3.internal.ws.RealWebSocket",
                "jetty-api org.eclipse.jetty.websocket.common.JettyWebSocketFrameHandler",
                "vertx io.vertx.core.http.impl.websocket.WebSocketImplBase"), sightings);
    }

    /** Classes of counted stacks, and the shared parts they build on, are no sighting. */
    @Test
    void otherClassesAreNot() {
        watcher.reportTo((stack, className) -> sightings.add(stack));
        load("org/apache/tomcat/websocket/WsSession");
        load("org/eclipse/jetty/ee10/websocket/jakarta/common/JakartaWebSocketFrameHandler");
        load("org/eclipse/jetty/websocket/core/CloseStatus");
        load("io/undertow/websockets/core/WebSocketChannel");
        load("io/netty/handler/codec/http/HttpObjectDecoder");
        load(null);
        assertEquals(List.of(), sightings);
    }

    @Test
    void sightingsBeforeTheAgentIsReadyAreReportedWhenItIs() {
        load("reactor/netty/http/server/WebsocketServerOperations");
        watcher.sawLoaded(new Class<?>[] {String.class});
        watcher.reportTo((stack, className) -> sightings.add(stack));
        load("org/java_websocket/WebSocketImpl");
        assertEquals(List.of("reactor-netty", "java-websocket"), sightings);
    }

    /**
     * Netty's codec in a loader that sees a framework built on it is the framework's at work: the framework's classes
     * name it, not Netty's.
     */
    @ParameterizedTest
    @CsvSource({"io/vertx/core/http/impl/WebSocketImplBase, io/vertx/core/http/impl/ServerWebSocketImpl, vertx",
        "reactor/netty/http/websocket/WebsocketInbound, reactor/netty/http/server/WebsocketServerOperations, "
            + "reactor-netty"})
    void nettyUnderAFrameworkIsTheFrameworks(String frameworkClass, String frameworkSession, String framework) {
        watcher.reportTo((stack, className) -> sightings.add(stack));
        ClassLoader withFramework = new ClassLoader(null) {
            @Override
            public URL getResource(String name) {
                return name.equals(frameworkClass + ".class")
                        ? StackWatcherTest.class.getResource("StackWatcherTest.class") : null;
            }
        };
        String handshaker = "io/netty/handler/codec/http/websocketx/WebSocketServerHandshaker13";
        assertNull(watcher.transform(withFramework, handshaker, null, null, new byte[0]));
        load(frameworkSession);
        assertEquals(List.of(framework), sightings);
        load(handshaker); // the same codec where no framework is to be seen is Netty's own
        assertEquals(List.of(framework, "netty"), sightings);
    }
}
