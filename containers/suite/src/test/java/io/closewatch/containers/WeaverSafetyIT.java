package io.closewatch.containers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The weaver in a stranger's JVM, on a real Tomcat host with the real agent jar: an application class it hooked
 * survives a redefinition (HotSwap, a reloader) as compiled and with a method body edited, and is counted afterwards;
 * operators switch the agent off ({@code enabled=false}) or some stacks ({@code stacks.disabled}), and see what was
 * woven ({@code debug.dump}).
 */
class WeaverSafetyIT {
    private static final String SERVER_PROGRAMMATIC = "/programmatic/{id}";

    @ParameterizedTest(name = "Java {0}")
    @ValueSource(ints = {17, 25})
    void aHookedEndpointRedefinedAsCompiledAndAsEditedIsStillCountedOnce(int java, @TempDir Path dir)
            throws Exception {
        try (HostJvm host = HostJvm.start("tomcat11", JavaHomes.require(java), "port={port}",
                List.of("-javaagent:" + redefiningAgent(dir)), Map.of())) {
            String client = "ws://127.0.0.1:" + host.readyValue("server");
            host.play("jdk-client-close 1000 /programmatic/1");
            Map<String, Double> expected = new HashMap<>(Map.of(
                    series("jakarta", "server", SERVER_PROGRAMMATIC, 1000, "normal", "remote"), 1.0,
                    series("jdk", "client", client, 1000, "normal", "local"), 1.0));
            assertEquals(expected, Scrape.awaitCloses(host.metricsPort(), expected));

            host.play("redefine onClose-v1"); // as compiled: what an IDE's HotSwap of an unchanged class sends
            host.play("jdk-server-close 4001 /programmatic/2");
            assertEquals("onClose-v1", onCloseSaid(host, "/programmatic/2"));
            expected.put(series("jakarta", "server", SERVER_PROGRAMMATIC, 4001, "application", "local"), 1.0);
            expected.put(series("jdk", "client", client, 4001, "application", "remote"), 1.0);
            assertEquals(expected, Scrape.awaitCloses(host.metricsPort(), expected));

            host.play("redefine onClose-v2"); // a method body edited
            host.play("jdk-client-close 1000 /programmatic/3");
            assertEquals("onClose-v2", onCloseSaid(host, "/programmatic/3"), "the edited body runs");
            expected.put(series("jakarta", "server", SERVER_PROGRAMMATIC, 1000, "normal", "remote"), 2.0);
            expected.put(series("jdk", "client", client, 1000, "normal", "local"), 2.0);
            assertEquals(expected, Scrape.awaitCloses(host.metricsPort(), expected));
            assertEquals(Map.of(), Scrape.of(host.metricsPort()).values("closewatch_agent_errors_total",
                    "application", "release"));
        }
    }

    @Test
    void disabledTheAgentWeavesNothingLoadsNothingOfItsOwnAndOpensNoPort(@TempDir Path dir) throws Exception {
        Path classLoads = dir.resolve("class-load.log");
        try (HostJvm host = HostJvm.start("tomcat11", JavaHomes.require(17), "enabled=false,port={port}",
                List.of("-Xlog:class+load=info:file=" + classLoads), Map.of())) {
            host.play("jdk-client-close 1000 /programmatic/1");
            host.play("container-server-close 4001 /annotated/r1");
            assertEquals(Set.of(host.readyValue("server")), host.listeningPorts(), "the host's own port, no other");
            List<String> agentLines = host.stderr().lines().filter(line -> line.contains("closewatch")
                    || line.contains("Closewatch")).toList();
            assertEquals(1, agentLines.size(), host.stderr());
            assertTrue(agentLines.get(0).matches("\\[main] INFO io\\.closewatch\\.agent - Closewatch \\S+ is disabled "
                    + "\\(enabled=false\\): it instruments no class, opens no port and starts no thread"),
                    agentLines.get(0));
            TreeSet<String> agentClasses = new TreeSet<>();
            try (Stream<String> lines = Files.lines(classLoads)) {
                lines.filter(line -> line.contains(" io.closewatch.agent."))
                        .forEach(line -> agentClasses.add(line.replaceAll(".* (io\\.closewatch\\.agent\\.\\S+) .*",
                                "$1")));
            }
            // The entry point and the configuration it reads (its parser of name=value lists, the jar's version):
            // no bridge, no weaver, no meters, no thread's code.
            for (String loaded : agentClasses) {
                assertTrue(loaded.matches("io\\.closewatch\\.agent\\.(CloseWatchAgent(\\$1)?|EarlyLines"
                        + "|config\\.(AgentConfig|NameValuePairs)(\\$.+)?|config\\.BuildInfo)"),
                        "loaded: " + agentClasses);
            }
            assertTrue(agentClasses.contains("io.closewatch.agent.CloseWatchAgent"), agentClasses.toString());
        }
    }

    @Test
    void disabledStacksCountNothingAreNamedAndTheOthersAreDumpedAsWoven(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("woven");
        try (HostJvm host = HostJvm.start("tomcat11", JavaHomes.require(17),
                "port={port},stacks.disabled=jakarta.websocket+tomcat+nety,debug.dump=" + dump, List.of(),
                Map.of())) {
            String server = "ws://127.0.0.1:" + host.readyValue("server");
            host.play("jdk-client-close 1000 /programmatic/1");
            host.play("okhttp-server-close 4001 /annotated/ok2");
            Map<String, Double> expected = Map.of(
                    series("jdk", "client", server, 1000, "normal", "local"), 1.0,
                    series("okhttp", "client", server, 4001, "application", "remote"), 1.0);
            assertEquals(expected, Scrape.awaitCloses(host.metricsPort(), expected), "no server side: disabled");
            Map<String, Double> stacks = Scrape.of(host.metricsPort()).values("closewatch_stack_info", "application",
                    "release");
            assertEquals(Map.of("{counted=false, stack=jakarta.websocket}", 1.0, "{counted=false, stack=tomcat}", 1.0,
                    "{counted=true, stack=java.net.http}", 1.0, "{counted=true, stack=okhttp}", 1.0), stacks);
            String stderr = host.stderr();
            for (String stack : List.of("jakarta.websocket", "tomcat")) {
                assertEquals(1, stderr.lines().filter(line -> line.contains("does not count the WebSocket closes of "
                        + stack + " (") && line.endsWith("configuration disabled it (stacks.disabled)")).count(),
                        stderr);
            }
            assertEquals(1, stderr.lines().filter(line -> line.contains("agent argument 'stacks.disabled' names "
                    + "'nety', which is not a stack Closewatch counts")).count(), stderr);

            TreeSet<String> files = new TreeSet<>();
            try (Stream<Path> dumped = Files.list(dump)) {
                dumped.forEach(file -> files.add(file.getFileName().toString()));
            }
            assertTrue(files.contains("okhttp3.internal.ws.RealWebSocket.original.class"), files.toString());
            assertTrue(files.contains("okhttp3.internal.ws.RealWebSocket.woven.class"), files.toString());
            for (String disabled : List.of("org.apache.tomcat.websocket.WsSession",
                    "org.apache.tomcat.websocket.server.WsHttpUpgradeHandler",
                    "io.closewatch.containers.host.ServerEndpoints$ProgrammaticEndpoint")) {
                assertTrue(!files.contains(disabled + ".original.class"), "a disabled stack's class: " + files);
            }
            for (String file : files) {
                String pair = file.endsWith(".original.class") ? file.replace(".original.class", ".woven.class")
                        : file.replace(".woven.class", ".original.class");
                assertTrue(files.contains(pair), "each hooked class twice: " + files);
            }
            byte[] woven = Files.readAllBytes(dump.resolve("okhttp3.internal.ws.RealWebSocket.woven.class"));
            assertTrue(new String(woven, java.nio.charset.StandardCharsets.ISO_8859_1).contains("closewatch$"),
                    "the woven file holds the advice's methods");
        }
    }

    /** The redefining agent: a jar with only a manifest; its class is on the host's class path. */
    private static Path redefiningAgent(Path dir) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Premain-Class", "io.closewatch.containers.host.Redefiner");
        manifest.getMainAttributes().putValue("Can-Redefine-Classes", "true");
        Path jar = dir.resolve("redefiner.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream ignored = new JarOutputStream(out,
                manifest)) {
            return jar;
        }
    }

    /**
     * What the endpoint's onClose said of itself for the session on {@code path}, or "null": its session may end a
     * moment after the client's.
     */
    private static String onCloseSaid(HostJvm host, String path) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        String said;
        do {
            host.play("on-close-said " + path);
            List<String> lines = host.output().stream().filter(line -> line.startsWith("ON_CLOSE_SAID " + path + " "))
                    .toList();
            said = lines.get(lines.size() - 1).substring(("ON_CLOSE_SAID " + path + " ").length());
        } while (said.equals("null") && System.nanoTime() < deadline);
        return said;
    }

    static String series(String api, String side, String endpoint, int code, String category, String initiator) {
        return "{api=" + api + ", category=" + category + ", code=" + code + ", endpoint=" + endpoint + ", initiator="
                + initiator + ", side=" + side + "}";
    }
}
