package io.closewatch.containers;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad configuration, each in a host JVM of its own: the agent says what is wrong in one line naming
 * the key or the port, carries on, and the host starts and exits exactly as it does without the agent.
 */
class BadConfigurationIT {
    private static final String LIVE_MILLIS = "1500";

    private record Run(int exitStatus, String stdout, List<String> closewatchLines) {
        /** The agent's lines that name {@code text}. */
        List<String> naming(String text) {
            return closewatchLines.stream().filter(line -> line.contains(text)).toList();
        }
    }

    private static Run host(String agentArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        if (agentArgs != null) {
            command.add("-javaagent:" + System.getProperty("closewatch.it.agentJar") + "=" + agentArgs);
        }
        command.addAll(List.of("-cp", System.getProperty("closewatch.it.hostsJar"),
                "io.closewatch.containers.host.ExitingHost", LIVE_MILLIS));
        Path out = Files.createTempFile("closewatch-host", ".out");
        Path err = Files.createTempFile("closewatch-host", ".err");
        try {
            Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .start();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the host did not exit");
            List<String> lines = Files.readAllLines(err, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("Closewatch")).toList();
            return new Run(process.exitValue(), Files.readString(out), lines);
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void anArgumentWithoutAValueIsNamed() throws Exception {
        Run run = host("release,port=" + freePort());
        assertRunsAsWithoutTheAgent(run);
        assertEquals(1, run.naming("'release'").size(), run.closewatchLines().toString());
        assertTrue(run.naming("'release'").get(0).contains("key=value"), run.closewatchLines().toString());
    }

    @Test
    void anUnknownKeyIsNamed() throws Exception {
        Run run = host("prot=9999,port=" + freePort());
        assertRunsAsWithoutTheAgent(run);
        assertEquals(1, run.naming("'prot'").size(), run.closewatchLines().toString());
    }

    @Test
    void anEmptyValueIsNamed() throws Exception {
        Run run = host("release=,port=" + freePort());
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
        Run run = host("host=no-such-host.invalid,port=" + freePort());
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
        Run run = host("auth.username=prometheus,port=" + freePort());
        assertRunsAsWithoutTheAgent(run);
        List<String> named = run.naming("auth.password");
        assertEquals(1, named.size(), run.closewatchLines().toString());
        assertTrue(named.get(0).contains("cannot serve metrics"), named.get(0));
    }
}
