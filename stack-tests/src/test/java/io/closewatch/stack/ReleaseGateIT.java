package io.closewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release gate ({@code java -jar closewatch-agent.jar compare}) against a real Prometheus whose data was
 * backfilled with {@code promtool tsdb create-blocks-from openmetrics}: the closes of several releases of one
 * application over the half hour before {@link #END}, as the agent exports them. Prometheus asks for Basic
 * authentication, which the gate takes from the environment.
 */
class ReleaseGateIT {
    private static final String APPLICATION = "gate-app";
    /** The end of the window compared: an hour ago, inside Prometheus's retention and before its head block. */
    private static final long END = System.currentTimeMillis() / 1000 / 60 * 60 - 3600;
    private static final String[] CODES = {"1000", "1006", "1011", "4001"};
    private static final double[] SAME_MIX = {0.95, 0.03, 0.01, 0.01};
    private static final int SAME_MIX_PAIRS = 10;
    private static final String CREDENTIALS = "gate:gate-secret";
    /** bcrypt of "gate-secret" (Python's bcrypt 3.2, cost 10), as Prometheus's web configuration wants it. */
    private static final String PASSWORD_HASH = "$2b$10$rSYkinRT22fBwfH4aQB6HOd7H1gZ9e0tn9m.AmyDNHfOv/q1IQTtu";

    private static Path workDir;
    private static Process prometheus;
    private static String url;

    @BeforeAll
    static void startPrometheusOnBackfilledData() throws Exception {
        Path promtool = Repository.tool("promtool", "prometheus");
        Path server = Repository.tool("prometheus", "prometheus");
        workDir = Files.createTempDirectory("closewatch-gate");
        Map<String, long[]> releases = new LinkedHashMap<>();
        releases.put("base", new long[] {1900, 60, 20, 20});
        releases.put("bad-1006", new long[] {1740, 220, 20, 20}); // 1006 from 3 % to 11 %
        releases.put("base-5k", new long[] {4750, 150, 50, 50});
        releases.put("bad-1011", new long[] {4650, 150, 150, 50}); // 1011 from 1 % to 3 %
        releases.put("tiny", new long[] {7, 1, 0, 0});
        Random random = new Random(7);
        for (int i = 0; i <= SAME_MIX_PAIRS; i++) {
            releases.put("same-" + i, sample(random, 2000));
        }
        // Why: the two regressions' causes, as websocket_close_causes_total counts them with the closes above.
        Map<String, Map<String, Map<String, Long>>> causes = Map.of(
                "base", Map.of("1006", Map.of("java.net.SocketException", 60L)),
                "bad-1006", Map.of("1006", Map.of("java.net.SocketException", 60L, "java.io.EOFException", 160L)),
                "base-5k", Map.of("1011", Map.of("none", 30L, "java.io.IOException", 20L)),
                "bad-1011", Map.of("1011", Map.of("none", 30L, "java.io.IOException", 20L,
                        "com.example.JsonParseException", 100L)));
        Path openMetrics = workDir.resolve("closes.om");
        Files.writeString(openMetrics, openMetrics(releases, causes));
        Processes.Result blocks = Processes.run(List.of(promtool.toString(), "tsdb", "create-blocks-from",
                "openmetrics", openMetrics.toString(), workDir.resolve("data").toString()), workDir, Map.of(), 120);
        assertEquals(0, blocks.exitCode(), blocks.output());
        Path config = workDir.resolve("prometheus.yml");
        Files.writeString(config, "global:\n  scrape_interval: 15s\n");
        Path webConfig = workDir.resolve("web.yml");
        Files.writeString(webConfig, "basic_auth_users:\n  gate: " + PASSWORD_HASH + "\n");
        int port = LocalStack.freePort();
        url = "http://127.0.0.1:" + port;
        prometheus = new ProcessBuilder(server.toString(), "--config.file=" + config, "--web.config.file=" + webConfig,
                "--storage.tsdb.path=" + workDir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(workDir.resolve("prometheus.log").toFile()).start();
        LocalStack.awaitHttp200(HttpClient.newHttpClient(), HttpRequest.newBuilder(URI.create(url + "/-/ready"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        CREDENTIALS.getBytes(StandardCharsets.UTF_8))).build(), workDir.resolve("prometheus.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (prometheus != null) {
            prometheus.destroy();
            prometheus.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void abnormalClosuresFromThreeToElevenPercentFailTheGate() throws Exception {
        Processes.Result result = compare("base", "bad-1006");
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("REGRESSION: bad-1006 against base: more closes with 1006"),
                result.output());
    }

    /** The verdict names the cause that rose; the table lists it with its shares; causes that held still are not. */
    @Test
    void internalErrorsFromOneToThreePercentFailTheGateNamingTheirCause() throws Exception {
        Processes.Result result = compare("base-5k", "bad-1011");
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("more closes with 1011 (mostly com.example.JsonParseException)"),
                result.output());
        assertTrue(result.output().contains(
                "1011   rose with com.example.JsonParseException: 0.00% -> 2.00% of all closes (+2.00%)"),
                result.output());
        assertTrue(!result.output().contains("rose with none") && !result.output().contains("rose with java.io"),
                result.output());
    }

    @Test
    void releasesFromTheSameMixPass() throws Exception {
        List<String> failed = new ArrayList<>();
        for (int i = 1; i <= SAME_MIX_PAIRS; i++) {
            Processes.Result result = compare("same-0", "same-" + i);
            assertTrue(result.exitCode() == 0 || result.exitCode() == 1, result.output());
            if (result.exitCode() != 0) {
                failed.add(result.output());
            }
        }
        assertTrue(failed.size() <= 1, failed.toString());
    }

    @Test
    void aReleaseWithEightClosesOrNoneIsNotEnoughData() throws Exception {
        Processes.Result tiny = compare("base", "tiny");
        assertEquals(3, tiny.exitCode(), tiny.output());
        assertTrue(tiny.output().contains("NOT ENOUGH DATA: tiny against base: 8 and 2000 closes"), tiny.output());
        Processes.Result unknown = compare("base", "never-deployed");
        assertEquals(3, unknown.exitCode(), unknown.output());
        assertTrue(unknown.output().contains("0 and 2000 closes"), unknown.output());
        // ... and what Prometheus has instead.
        assertTrue(unknown.output().contains("; no closes of release never-deployed in the window; the releases of "
                + APPLICATION + ": bad-1006, bad-1011, base, base-5k, "), unknown.output());
    }

    /** An application Prometheus has no closes of: the gate names those it has. */
    @Test
    void anApplicationWithNoClosesIsNamedWithThoseThereAre() throws Exception {
        List<String> command = new ArrayList<>(command(url, "base", "bad-1006", "text"));
        command.set(command.indexOf(APPLICATION), "gate-ap");
        Processes.Result result = Processes.run(command, workDir, AUTH, 60);
        assertEquals(3, result.exitCode(), result.output());
        assertTrue(result.output().contains("NOT ENOUGH DATA: bad-1006 against base: 0 and 0 closes")
                && result.output().contains("; Prometheus has no closes of application gate-ap; its applications: "
                + APPLICATION), result.output());
    }

    @Test
    void anUnreachablePrometheusIsExitTwoInOneLine() throws Exception {
        Processes.Result result = Processes.run(command("http://127.0.0.1:" + LocalStack.freePort(), "base",
                "bad-1006", "text"), workDir, Map.of(), 60);
        assertEquals(2, result.exitCode(), result.output());
        assertEquals(1, result.output().strip().lines().count(), result.output());
        assertTrue(result.output().startsWith("closewatch compare: cannot reach Prometheus"), result.output());
    }

    @Test
    void credentialsPrometheusRefusesOrNoneAreExitTwoInOneLine() throws Exception {
        for (Map<String, String> environment : List.of(Map.of("CLOSEWATCH_PROMETHEUS_AUTH", "gate:wrong"),
                Map.<String, String>of())) {
            Processes.Result result = Processes.run(command(url, "base", "bad-1006", "text"), workDir, environment, 60);
            assertEquals(2, result.exitCode(), result.output());
            assertEquals("closewatch compare: Prometheus at " + url + " refused the credentials (HTTP 401); set "
                    + "CLOSEWATCH_PROMETHEUS_AUTH=user:password or CLOSEWATCH_PROMETHEUS_HEADERS="
                    + "Authorization=Bearer%20<token>", result.output().strip());
        }
    }

    @Test
    void jsonCarriesTheSameVerdict() throws Exception {
        Processes.Result result = Processes.run(command(url, "base", "bad-1006", "json"), workDir, AUTH, 60);
        assertEquals(1, result.exitCode(), result.output());
        JsonNode json = Repository.JSON.readTree(result.output());
        assertEquals("regression", json.get("verdict").asText());
        assertEquals(1, json.get("exit_status").asInt());
        assertEquals("1006", json.get("regressions").get(0).asText());
        assertEquals(2000, json.get("baseline").get("closes").asLong());
        JsonNode code1006 = null;
        for (JsonNode code : json.get("codes")) {
            if (code.get("code").asText().equals("1006")) {
                code1006 = code;
            }
        }
        assertEquals(220, code1006.get("candidate_count").asLong());
        assertTrue(code1006.get("regression").asBoolean());
        JsonNode causes = code1006.get("causes");
        assertEquals(1, causes.size(), causes.toString());
        assertEquals("java.io.EOFException", causes.get(0).get("cause").asText());
        assertEquals(0.0, causes.get(0).get("baseline_share").asDouble());
        assertEquals(0.08, causes.get(0).get("candidate_share").asDouble(), 1e-9);
    }

    private static final Map<String, String> AUTH = Map.of("CLOSEWATCH_PROMETHEUS_AUTH", CREDENTIALS);

    private static Processes.Result compare(String baseline, String candidate) throws Exception {
        return Processes.run(command(url, baseline, candidate, "text"), workDir, AUTH, 60);
    }

    private static List<String> command(String prometheusUrl, String baseline, String candidate, String format) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("closewatch.it.agentJar"), "compare", "--prometheus", prometheusUrl,
                "--application", APPLICATION, "--baseline", baseline, "--candidate", candidate, "--window", "30m",
                "--end", Long.toString(END), "--format", format);
    }

    /**
     * Each release's counters as the agent exports them, a sample every 15 s: 0 until the window opens, then rising
     * evenly to the release's total at {@link #END}, so that their increase over the window is that total.
     */
    private static String openMetrics(Map<String, long[]> releases,
                                      Map<String, Map<String, Map<String, Long>>> causes) {
        StringBuilder out = new StringBuilder("# TYPE websocket_closes counter\n");
        for (Map.Entry<String, long[]> release : releases.entrySet()) {
            for (int c = 0; c < CODES.length; c++) {
                series(out, "websocket_closes_total", release.getKey(), CODES[c], "", release.getValue()[c]);
            }
        }
        out.append("# TYPE websocket_close_causes counter\n");
        causes.forEach((release, codes) -> codes.forEach((code, byCause) -> byCause.forEach((cause, total) ->
                series(out, "websocket_close_causes_total", release, code, ",cause=\"" + cause + "\"", total))));
        return out.append("# EOF\n").toString();
    }

    private static void series(StringBuilder out, String name, String release, String code, String moreLabels,
                               long total) {
        long start = END - 1800;
        for (long t = start - 600; t <= END; t += 15) {
            double value = t <= start ? 0 : (double) total * (t - start) / (END - start);
            out.append(name).append("{application=\"").append(APPLICATION).append("\",release=\"").append(release)
                    .append("\",api=\"jakarta\",side=\"server\",endpoint=\"/chat\",code=\"").append(code).append('"')
                    .append(moreLabels).append("} ").append(value).append(' ').append(t).append('\n');
        }
    }

    private static long[] sample(Random random, int total) {
        long[] counts = new long[CODES.length];
        for (int i = 0; i < total; i++) {
            double u = random.nextDouble();
            int k = 0;
            while (k < SAME_MIX.length - 1 && u >= SAME_MIX[k]) {
                u -= SAME_MIX[k];
                k++;
            }
            counts[k]++;
        }
        return counts;
    }
}
