package io.closewatch.agent;

import io.closewatch.agent.config.AgentConfig;
import io.closewatch.agent.instrumentation.TypeMatch;
import io.closewatch.agent.instrumentation.TypeView;
import io.closewatch.agent.instrumentation.handshake.UncountedHandshakes;
import io.closewatch.agent.weaving.ClassFileNames;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real modules' names: every kind of type a hook instruments passes the pre-filter, ordinary classes do not. */
class HookInstallerTest {
    private final ClassFileNames names = HookInstaller.classFileNames(false);

    /** Overrides only the abstract onOpen, as many programmatic endpoints do. */
    abstract static class OpenOnlyEndpoint extends Endpoint {
        @Override
        public void onOpen(Session session, EndpointConfig config) {
        }
    }

    abstract static class CloseOnlyEndpoint extends Endpoint {
        @Override
        public void onClose(Session session, CloseReason closeReason) {
        }
    }

    /** A container's session implementation. */
    abstract static class ContainerSession implements Session {
        @Override
        public void close() {
        }
    }

    abstract static class Container implements WebSocketContainer {
        @Override
        public Session connectToServer(Endpoint endpoint, ClientEndpointConfig config, URI path) {
            return null;
        }
    }

    /** Closes things, but nothing of WebSocket. */
    static final class Unrelated implements AutoCloseable {
        @Override
        public void close() {
        }

        void onClose() {
        }
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        String file = type.getName().substring(type.getPackageName().length() + 1) + ".class"; // Outer$Nested
        try (InputStream in = type.getResourceAsStream(file)) {
            return in.readAllBytes();
        }
    }

    private static byte[] jdkClassFile(String module, String name) throws IOException {
        try (InputStream in = ModuleLayer.boot().findModule(module).orElseThrow()
                .getResourceAsStream(name.replace('.', '/') + ".class")) {
            assertNotNull(in, name);
            return in.readAllBytes();
        }
    }

    @Test
    void typesTheHooksInstrumentPass() throws IOException {
        assertTrue(names.mentionedIn(classFile(OpenOnlyEndpoint.class)));
        assertTrue(names.mentionedIn(classFile(CloseOnlyEndpoint.class)));
        assertTrue(names.mentionedIn(classFile(ContainerSession.class)));
        assertTrue(names.mentionedIn(classFile(Container.class)));
        assertTrue(names.mentionedIn(jdkClassFile("java.net.http", "jdk.internal.net.http.websocket.WebSocketImpl")));
        assertTrue(names.mentionedIn(jdkClassFile("java.net.http",
                "jdk.internal.net.http.websocket.WebSocketImpl$ReceiveTask")));
    }

    @Test
    void ordinaryClassesThatCloseThingsDoNot() throws IOException {
        assertFalse(names.mentionedIn(classFile(Unrelated.class)));
        assertFalse(names.mentionedIn(jdkClassFile("java.base", "java.io.FileInputStream")));
        assertFalse(names.mentionedIn(jdkClassFile("java.net.http", "jdk.internal.net.http.HttpClientImpl")));
    }

    @Test
    void theApplicationsMicrometerPassesOnlyWhenItIsExportedTo() throws IOException {
        byte[] metrics = classFile(io.micrometer.core.instrument.Metrics.class);
        assertFalse(names.mentionedIn(metrics));
        assertTrue(HookInstaller.classFileNames(true).mentionedIn(metrics));
        assertFalse(HookInstaller.classFileNames(true).mentionedIn(classFile(Unrelated.class)));
    }

    @Test
    void stacksDisabledKeepsTheKnownNamesAndNamesTheOthersOnce() {
        java.util.List<String> problems = new java.util.ArrayList<>();
        AgentConfig.Switches switches = new AgentConfig.Switches(true,
                new java.util.LinkedHashSet<>(java.util.List.of("netty", "nety", "okhttp")),
                "system property 'closewatch.stacks.disabled'", null);
        assertEquals(java.util.Set.of("netty", "okhttp"), HookInstaller.disabledStacks(switches, problems::add));
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).startsWith("Closewatch: system property 'closewatch.stacks.disabled' names "
                + "'nety', which is not a stack Closewatch counts (helidon, jakarta.websocket, "), problems.get(0));
        java.util.List<String> stacks = HookInstaller.modulesAtWork(java.util.Set.of("netty", "okhttp")).stream()
                .map(io.closewatch.agent.instrumentation.InstrumentationModule::stack).toList();
        assertFalse(stacks.contains("netty") || stacks.contains("okhttp"), stacks::toString);
        assertEquals(HookInstaller.MODULES.size() - 2, stacks.size());
    }

    /** A type named {@code name} whose class file holds the accept GUID, as the detector's match sees it. */
    private static TypeView holdingTheGuid(String name) {
        return new TypeView() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean isInterface() {
                return false;
            }

            @Override
            public boolean declaresMethod(String methodName) {
                return false;
            }

            @Override
            public boolean hasSuperType(String typeName) {
                return false;
            }

            @Override
            public boolean holdsString(String constant) {
                return constant.equals(UncountedHandshakes.ACCEPT_GUID);
            }
        };
    }

    /** Where each counted stack holds the GUID (found in the container runtimes' jars), the detector stays out. */
    @Test
    void theHandshakeDetectorLeavesTheCountedStacksToTheirModules() throws IOException {
        TypeMatch detector = HookInstaller.uncountedHandshakes().types();
        for (String counted : java.util.List.of("org.apache.tomcat.websocket.server.UpgradeUtil",
                "io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker13",
                "io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker13", "okhttp3.internal.ws.RealWebSocket",
                "okhttp3.internal.ws.WebSocketProtocol", "jdk.internal.net.http.websocket.OpeningHandshake",
                "io.undertow.websockets.core.protocol.version07.Hybi07Handshake",
                "io.undertow.websockets.client.WebSocket13ClientHandshake", "org.glassfish.tyrus.core.SecKey",
                "org.glassfish.tyrus.spi.UpgradeRequest", "org.eclipse.jetty.websocket.core.WebSocketConstants",
                "org.java_websocket.drafts.Draft_6455", "org.eclipse.jetty.websocket.common.AcceptHash")) {
            assertFalse(detector.matches(holdingTheGuid(counted)), counted);
        }
        assertTrue(detector.matches(holdingTheGuid("example.handwritten.HandWrittenServer")));
        assertTrue(names.mentionedIn(classFile(example.handwritten.HandWrittenServer.class)), "the byte search");
        assertTrue(names.mentionedIn(jdkClassFile("java.net.http", "jdk.internal.net.http.websocket.OpeningHandshake")));
    }
}
