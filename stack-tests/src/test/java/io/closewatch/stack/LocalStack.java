package io.closewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Processes of a test stack on loopback (demo servers with the agent, a real Prometheus), each logging to a file in
 * one work folder, all stopped at the end.
 */
final class LocalStack implements AutoCloseable {
    static final String APPLICATION = "chat-demo";

    /** The agent's start-up line: "... metrics at http://127.0.0.1:41234/metrics ...". */
    private static final Pattern METRICS_AT = Pattern.compile("metrics at https?://[^ ]+:(\\d+)/metrics");

    final Path workDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Process> processes = new ArrayList<>();
    private int prometheusPort;

    LocalStack() throws IOException {
        workDir = Files.createTempDirectory("closewatch-stack");
    }

    /** A demo server running: its log, and the port its agent serves metrics on. */
    record Demo(Path log, int metricsPort) {
    }

    /**
     * Starts a demo server with the shaded agent attached, binding any free port ({@code port=0} in
     * {@code agentArgs}): the port is read from the agent's start-up line, so no other process can take it between a
     * probe and the agent's bind.
     *
     * @param awaitScrape whether to wait until {@code /metrics} answers 200 over plain HTTP (the first scrape builds
     *                    the meters)
     */
    Demo startDemo(String release, String profile, String agentArgs, boolean awaitScrape) throws Exception {
        Path log = workDir.resolve("demo-" + release + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        start(List.of(java, "-javaagent:" + System.getProperty("closewatch.it.agentJar") + "=" + agentArgs, "-jar",
                        System.getProperty("closewatch.it.demoJar"), "--host=127.0.0.1", "--port=0", "--users=8",
                        "--profile=" + profile, "--duration=600"),
                log, Map.of("CLOSEWATCH_APPLICATION", APPLICATION, "CLOSEWATCH_RELEASE", release));
        int port = Integer.parseInt(awaitMatch(log, METRICS_AT));
        if (awaitScrape) {
            awaitHttp200("http://127.0.0.1:" + port + "/metrics", log);
        }
        return new Demo(log, port);
    }

    /** Starts Prometheus with {@code config} (YAML) and waits until it is ready. */
    void startPrometheus(String config) throws Exception {
        Path prometheus = Repository.tool("prometheus", "prometheus");
        prometheusPort = freePort();
        Path file = workDir.resolve("prometheus.yml");
        Files.writeString(file, config);
        Path log = workDir.resolve("prometheus.log");
        start(List.of(prometheus.toString(), "--config.file=" + file, "--storage.tsdb.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + prometheusPort), log, Map.of());
        awaitHttp200("http://127.0.0.1:" + prometheusPort + "/-/ready", log);
    }

    int prometheusPort() {
        return prometheusPort;
    }

    /** An instant query; the answer as Prometheus's JSON. */
    JsonNode query(String expression) throws Exception {
        return prometheus("/api/v1/query?query=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
    }

    JsonNode prometheus(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + prometheusPort + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return Repository.JSON.readTree(response.body());
    }

    HttpClient http() {
        return http;
    }

    private void start(List<String> command, Path log, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        processes.add(builder.start());
    }

    /** Waits for 200 from {@code url}. */
    private void awaitHttp200(String url, Path log) throws Exception {
        awaitHttp200(http, HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(), log);
    }

    /** Waits (at most 60 s) until {@code request} is answered 200: a server started with its output in {@code log}. */
    static void awaitHttp200(HttpClient client, HttpRequest request, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new AssertionError(request.uri() + " not up within 60 s:\n" + Files.readString(log));
    }

    /** The first group of {@code pattern} in {@code log}, once it is there (at most 60 s). */
    private static String awaitMatch(Path log, Pattern pattern) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            Matcher matcher = pattern.matcher(Files.readString(log));
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + pattern + "' within 60 s:\n" + Files.readString(log));
            }
            Thread.sleep(100);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
