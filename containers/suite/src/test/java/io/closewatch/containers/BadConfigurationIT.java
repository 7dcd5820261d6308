package io.closewatch.containers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad configuration, each in a host JVM of its own: the agent says what is wrong in one line naming
 * the key or the port, carries on, and the host starts and exits exactly as it does without the agent.
 */
class BadConfigurationIT {
    private static final String LIVE_MILLIS = "1500";

    private record Run(int exitStatus, String stdout, List<String> stderr, List<String> closewatchLines) {
        /** The agent's lines that name {@code text}. */
        List<String> naming(String text) {
            return closewatchLines.stream().filter(line -> line.contains(text)).toList();
        }
    }

    private static Run host(String agentArgs) throws Exception {
        return host(agentArgs, LIVE_MILLIS, Path.of(System.getProperty("java.home")));
    }

    /** @param liveMillis how long the host lives before it prints its line and exits */
    private static Run host(String agentArgs, String liveMillis, Path javaHome) throws Exception {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString()));
        command.addAll(HostJvm.SHORT_LIVED);
        if (agentArgs != null) {
            command.add("-javaagent:" + System.getProperty("closewatch.it.agentJar") + "=" + agentArgs);
        }
        command.addAll(List.of("-cp", System.getProperty("closewatch.it.hostsJar"),
                "io.closewatch.containers.host.ExitingHost", liveMillis));
        Path out = Files.createTempFile("closewatch-host", ".out");
        Path err = Files.createTempFile("closewatch-host", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the host did not exit");
            List<String> stderr = Files.readAllLines(err, StandardCharsets.UTF_8);
            return new Run(process.exitValue(), Files.readString(out), stderr,
                    stderr.stream().filter(line -> line.contains("Closewatch")).toList());
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The host without the agent: what every run with it must match. */
    private static Run withoutAgent;

    private static void assertRunsAsWithoutTheAgent(Run run) throws Exception {
        if (withoutAgent == null) {
            withoutAgent = host(null);
        }
        Run without = withoutAgent;
        assertEquals(without.exitStatus(), run.exitStatus(), "exit status");
        assertEquals(without.stdout(), run.stdout(), "standard output");
        assertEquals(3, run.exitStatus());
    }

    /** A port nothing listens on, for a receiver that is away (the agent only connects to it). */
    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anArgumentWithoutAValueIsNamed() throws Exception {
        Run run = host("release,port=0");
        assertRunsAsWithoutTheAgent(run);
        assertEquals(1, run.naming("'release'").size(), run.closewatchLines().toString());
        assertTrue(run.naming("'release'").get(0).contains("key=value"), run.closewatchLines().toString());
    }

    @Test
    void anUnknownKeyIsNamed() throws Exception {
        Run run = host("prot=9999,port=0");
        assertRunsAsWithoutTheAgent(run);
        assertEquals(1, run.naming("'prot'").size(), run.closewatchLines().toString());
    }

    @Test
    void anEmptyValueIsNamed() throws Exception {
        Run run = host("release=,port=0");
        assertRunsAsWithoutTheAgent(run);
        assertEquals(1, run.naming("'release' is empty").size(), run.closewatchLines().toString());
    }

    @Test
    void aPortThatIsNoNumberOrOutOfRangeIsNamed() throws Exception {
        for (String port : new String[] {"http", "70000", "-1"}) {
            Run run = host("port=" + port);
            assertRunsAsWithoutTheAgent(run);
            List<String> named = run.naming("'port' is '" + port + "'");
            assertEquals(1, named.size(), run.closewatchLines().toString());
        }
    }

    @Test
    void anUnresolvableHostIsNamedAndNothingIsServed() throws Exception {
        Run run = host("host=no-such-host.invalid,port=0");
        assertRunsAsWithoutTheAgent(run);
        List<String> named = run.naming("no-such-host.invalid");
        assertEquals(1, named.size(), run.closewatchLines().toString());
        assertTrue(named.get(0).contains("cannot serve metrics"), named.get(0));
    }

    @Test
    void aBusyPortIsNamedAndTheHostRunsOn() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("0.0.0.0"))) {
            int port = busy.getLocalPort();
            Run run = host("port=" + port);
            assertRunsAsWithoutTheAgent(run);
            List<String> named = run.naming(":" + port + " ");
            assertEquals(1, named.size(), run.closewatchLines().toString());
            assertTrue(named.get(0).contains("cannot serve metrics"), named.get(0));
        }
    }

    @Test
    void aHalfCredentialServesNothingRatherThanServingUnprotected() throws Exception {
        Run run = host("auth.username=prometheus,port=0");
        assertRunsAsWithoutTheAgent(run);
        List<String> named = run.naming("auth.password");
        assertEquals(1, named.size(), run.closewatchLines().toString());
        assertTrue(named.get(0).contains("cannot serve metrics"), named.get(0));
    }

    /** The host lives 4 s: the first push waits for the next whole second after the agent has started. */
    @Test
    void anUnreachableOtlpReceiverIsNamedOnceAndCostsTheHostNothing() throws Exception {
        Run run = host("export=otlp,otlp.step=1,otlp.url=http://127.0.0.1:" + unusedPort() + "/v1/metrics", "4000",
                Path.of(System.getProperty("java.home")));
        assertRunsAsWithoutTheAgent(run);
        List<String> named = run.naming("cannot push OTLP metrics");
        assertEquals(1, named.size(), run.closewatchLines().toString());
        assertTrue(named.get(0).contains("Connection refused"), named.get(0));
    }

    /** The configuration is checked before the host's main runs: a host that exits at once still hears of it. */
    @Test
    void everyProblemIsReportedEvenByAHostThatExitsAtOnce() throws Exception {
        Map<String, String> problems = Map.of("portt=1", "'portt'", "port=abc", "'port' is 'abc'",
                "garbage", "'garbage'", "max.codes=0", "'max.codes' is '0'",
                "export=promethus", "'export' is 'promethus'", "otlp.url=localhost:4318", "'otlp.url' is",
                "otlp.step=0", "'otlp.step' is '0'");
        Run without = host(null, "0", Path.of(System.getProperty("java.home")));
        for (Map.Entry<String, String> problem : problems.entrySet()) {
            Run run = host(problem.getKey(), "0", Path.of(System.getProperty("java.home")));
            assertEquals(without.exitStatus(), run.exitStatus(), problem.getKey());
            assertEquals(without.stdout(), run.stdout(), problem.getKey());
            assertEquals(1, run.naming(problem.getValue()).size(), problem.getKey() + ": " + run.stderr());
        }
    }

    /**
     * The agent changes nothing the host prints: the same standard output, and on standard error only the agent's
     * own lines; no JVM warning (appending to the boot class path would make the JVM print one about class data
     * sharing).
     */
    @ParameterizedTest(name = "on Java {0}")
    @ValueSource(ints = {17, 25})
    void theHostsOutputIsUnchangedAndTheJvmWarnsOfNothing(int java) throws Exception {
        Path javaHome = JavaHomes.require(java);
        Run without = host(null, LIVE_MILLIS, javaHome);
        Run with = host("port=0", LIVE_MILLIS, javaHome);
        assertEquals(without.exitStatus(), with.exitStatus());
        assertEquals(without.stdout(), with.stdout());
        assertEquals(List.of(), without.stderr(), "the host itself prints nothing on standard error");
        assertTrue(with.stderr().stream().allMatch(line -> line.contains("io.closewatch.agent - Closewatch")),
                with.stderr().toString());
        assertTrue(with.stderr().stream().anyMatch(line -> line.contains(" started; ")), with.stderr().toString());
    }
}
