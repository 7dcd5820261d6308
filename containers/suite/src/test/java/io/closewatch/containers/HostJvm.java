package io.closewatch.containers;

import io.closewatch.containers.host.RawPeerServer;
import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forked JVM running {@code io.closewatch.containers.host.ItHost} with the real shaded agent attached by
 * {@code -javaagent}. Its class path holds the host and one container's jars, never the agent's own dependencies.
 * The agent binds any free port ({@code port=0}) and the test reads the port from the agent's start-up line, so
 * that no other process can take a port between a probe and the agent's bind.
 */
final class HostJvm implements AutoCloseable {
    private static final long REPLY_TIMEOUT_SECONDS = 90;
    /** The system property that tells a host where the raw peer listens (the hosts' {@code RawPeer}). */
    private static final String RAW_PEER_PORT = "closewatch.it.rawPeerPort";
    private static RawPeerServer rawPeer;
    /** The agent's start-up line: "... metrics at http://0.0.0.0:41234/metrics ...". */
    private static final Pattern METRICS_AT = Pattern.compile("metrics at https?://[^ ]+:(\\d+)/metrics");
    /**
     * Options for a JVM that lives seconds: the client compiler only and the serial collector. They halve the CPU a
     * host's start-up takes (a Spring Boot application: 4.2 s instead of 7.8 s), which on two cores is the suite's
     * time; what a host counts does not depend on them. The benchmarks run the JVM as users do.
     */
    static final List<String> SHORT_LIVED = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final Process process;
    private final Writer stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> output = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Path stderr;
    private final String readyLine;
    private int metricsPort;

    private HostJvm(Process process, Path stderr) throws Exception {
        this.process = process;
        this.stderr = stderr;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    output.add(line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "host-stdout");
        reader.setDaemon(true);
        reader.start();
        this.readyLine = awaitLine("READY");
    }

    /**
     * @param container   the container, as its runtime module under containers/runtimes is named
     * @param javaHome    the JDK to run the host on
     * @param agentArgs   what follows {@code -javaagent:closewatch-agent.jar=}; "{port}" is replaced by 0 (any free
     *                    port: {@link #metricsPort} reads the one the agent bound); null: no agent
     * @param jvmOptions  extra options before the main class
     * @param environment extra environment variables
     */
    static HostJvm start(String container, Path javaHome, String agentArgs, List<String> jvmOptions,
                         Map<String, String> environment) throws Exception {
        return start(container, "io.closewatch.containers.host.ItHost", List.of(container), javaHome, agentArgs,
                jvmOptions, environment);
    }

    /** As above, for another host program ({@code mainClass} with {@code arguments}) on a runtime's class path. */
    static HostJvm start(String runtimeModule, String mainClass, List<String> arguments, Path javaHome,
                         String agentArgs, List<String> jvmOptions, Map<String, String> environment)
            throws Exception {
        String container = runtimeModule;
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin/java").toString());
        command.addAll(SHORT_LIVED);
        if (agentArgs != null) {
            command.add(agentOption(agentArgs));
        }
        command.add("-D" + RAW_PEER_PORT + "=" + rawPeerPort());
        command.addAll(jvmOptions);
        command.add("-cp");
        Path runtime = Path.of(requiredProperty("closewatch.it.runtimesDir"), container, "target");
        requireBuilt(container, runtime.resolve("runtime.classpath"));
        // A runtime for another namespace (javax) builds its own relocated copy of the host jar.
        Path hostJar = Files.exists(runtime.resolve("host.jar")) ? runtime.resolve("host.jar")
                : Path.of(requiredProperty("closewatch.it.hostsJar"));
        command.add(hostJar + java.io.File.pathSeparator + Files.readString(runtime.resolve("runtime.classpath")).trim());
        command.add(mainClass);
        command.addAll(arguments);
        Path stderr = Files.createTempFile("closewatch-it-host", ".stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().putAll(environment);
        return new HostJvm(builder.start(), stderr);
    }

    /**
     * The port of the raw peer the hosts' clients meet ({@link RawPeerServer}): one for the suite, in its own JVM,
     * so that a host runs only the stack under test.
     */
    private static synchronized int rawPeerPort() throws IOException {
        if (rawPeer == null) {
            rawPeer = new RawPeerServer();
        }
        return rawPeer.port();
    }

    /** {@code -javaagent:} with the agent jar and {@code agentArgs}, its "{port}" any free port. */
    static String agentOption(String agentArgs) {
        return "-javaagent:" + agentJar() + "=" + agentArgs.replace("{port}", "0");
    }

    /**
     * Runs the application {@code containers/apps/<app>} as its users run it: {@code java -jar} on its fat jar
     * ({@code target/app.jar}), or on Quarkus's fast jar ({@code target/quarkus-app/quarkus-run.jar}), which says
     * READY with its port once it serves.
     *
     * @param agentArgs as for {@link #start}; null: no agent
     */
    static HostJvm startApp(String app, List<String> arguments, Path javaHome, String agentArgs) throws Exception {
        Path target = Path.of(requiredProperty("closewatch.it.appsDir"), app, "target");
        Path quarkusRun = target.resolve("quarkus-app/quarkus-run.jar");
        Path jar = Files.exists(quarkusRun) ? quarkusRun : target.resolve("app.jar");
        requireBuilt(app, jar);
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString()));
        command.addAll(SHORT_LIVED);
        if (agentArgs != null) {
            command.add(agentOption(agentArgs));
        }
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(arguments);
        Path stderr = Files.createTempFile("closewatch-it-app", ".stderr");
        return new HostJvm(new ProcessBuilder(command).redirectError(stderr.toFile()).start(), stderr);
    }

    /**
     * Helidon's runtime and application are built only where a Java 25 JDK is given (CLOSEWATCH_JAVA25_HOME): without
     * one, a local run skips what needs them; under CI they are built, and a missing one fails.
     */
    private static void requireBuilt(String module, Path file) {
        if (!Files.exists(file) && System.getenv("CI") == null) {
            Assumptions.abort(module + " is not built (it needs CLOSEWATCH_JAVA25_HOME): " + file);
        }
    }

    /** The port the agent serves its metrics on, as its start-up line says; waits for that line. */
    synchronized int metricsPort() throws Exception {
        if (metricsPort == 0) {
            metricsPort = servedPort(this::stderr, process);
        }
        return metricsPort;
    }

    /** The port in the agent's "metrics at" line of a JVM's standard error ({@code stderr} reads it so far); waits. */
    static int servedPort(Callable<String> stderr, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REPLY_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            Matcher served = METRICS_AT.matcher(stderr.call());
            if (served.find()) {
                return Integer.parseInt(served.group(1));
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the agent never said where it serves its metrics\n" + stderr.call());
    }

    /** Everything the host printed on standard output so far. */
    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    long pid() {
        return process.pid();
    }

    /** The TCP ports the host JVM listens on: its sockets in the LISTEN state, read from /proc (Linux). */
    Set<Integer> listeningPorts() throws IOException {
        Set<String> sockets = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid()), "fd"))) {
            for (Path fd : fds) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("socket:[")) {
                        sockets.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // not a socket any more
                }
            }
        }
        Set<Integer> ports = new TreeSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) { // after the header
                String[] columns = line.trim().split("\\s+");
                if (columns[3].equals("0A") && sockets.contains(columns[9])) { // 0A: LISTEN; 9: the inode
                    String local = columns[1];
                    ports.add(Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16));
                }
            }
        }
        return ports;
    }

    /** Attaches the agent with {@code arguments}, as a user would: {@code java -jar closewatch-agent.jar <pid> ...}. */
    void attachAgent(String arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(SHORT_LIVED);
        command.addAll(List.of("-jar", agentJar(), Long.toString(pid()), arguments));
        Process attach = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!attach.waitFor(60, TimeUnit.SECONDS)) {
            attach.destroyForcibly();
            throw new AssertionError("attaching did not finish");
        }
        String said = new String(attach.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (attach.exitValue() != 0 || !said.contains("Closewatch attached to " + pid())) {
            throw new AssertionError("attaching failed (" + attach.exitValue() + "): " + said);
        }
    }

    static String agentJar() {
        return requiredProperty("closewatch.it.agentJar");
    }

    /** The host's "READY container=… server=… raw=…" line, as key=value pairs. */
    int readyValue(String key) {
        for (String part : readyLine.split(" ")) {
            if (part.startsWith(key + "=")) {
                return Integer.parseInt(part.substring(key.length() + 1));
            }
        }
        throw new IllegalStateException("no " + key + " in " + readyLine);
    }

    /** Plays one scenario and returns once the host's own clients have seen their sessions end. */
    void play(String scenario) throws Exception {
        stdin.write(scenario + "\n");
        stdin.flush();
        String reply = awaitLine("DONE " + scenario, "FAILED " + scenario);
        if (reply.startsWith("FAILED")) {
            throw new AssertionError("the host could not play '" + scenario + "': " + reply + "\n" + stderr());
        }
    }

    String stderr() throws IOException {
        return Files.readString(stderr);
    }

    private String awaitLine(String... prefixes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(REPLY_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                for (String prefix : prefixes) {
                    if (line.startsWith(prefix)) {
                        return line;
                    }
                }
            } else if (!process.isAlive()) {
                throw new AssertionError("the host JVM exited with " + process.exitValue() + "\n" + stderr());
            }
        }
        throw new AssertionError("no '" + prefixes[0] + "' from the host within " + REPLY_TIMEOUT_SECONDS + " s\n"
                + stderr());
    }

    @Override
    public void close() throws Exception {
        try {
            stdin.write("exit\n");
            stdin.flush();
        } catch (IOException ignored) {
            // already gone
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(stderr);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run through Maven (failsafe)");
        }
        return value;
    }
}
