package io.closewatch.stack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The release gate against the store a fleet keeps its metrics in: VictoriaMetrics (Debian's package) behind its
 * {@code vmauth} proxy, which wants a bearer token, holding two releases of 200 instances each, as the agent exports
 * them (each instance's own counters, summed by the gate's query). The token goes by
 * {@code CLOSEWATCH_PROMETHEUS_HEADERS}; without it the gate says so in one line and exits 2.
 */
class ReleaseGateFleetIT {
    private static final String APPLICATION = "fleet-app";
    private static final String TOKEN = "fleet-token";
    private static final int INSTANCES = 200;
    private static final String[] CODES = {"1000", "1006", "1001", "1011"};
    /** The window's end, a minute boundary an hour ago: the data is imported with timestamps, as a backfill. */
    private static final long END = System.currentTimeMillis() / 1000 / 60 * 60 - 3600;

    private static Path workDir;
    private static final List<Process> servers = new ArrayList<>();
    private static String url;

    @BeforeAll
    static void startVictoriaMetricsBehindVmauth() throws Exception {
        Path victoriaMetrics = Repository.tool("victoria-metrics", "victoria-metrics");
        Path vmauth = Repository.tool("vmauth", "victoria-metrics");
        workDir = Files.createTempDirectory("closewatch-fleet");
        int storePort = LocalStack.freePort();
        String store = "http://127.0.0.1:" + storePort;
        servers.add(new ProcessBuilder(victoriaMetrics.toString(), "-storageDataPath=" + workDir.resolve("data"),
                "-httpListenAddr=127.0.0.1:" + storePort).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("victoria-metrics.log").toFile()).start());
        HttpClient client = HttpClient.newHttpClient();
        LocalStack.awaitHttp200(client, HttpRequest.newBuilder(URI.create(store + "/health")).build(),
                workDir.resolve("victoria-metrics.log"));
        HttpResponse<String> imported = client.send(HttpRequest.newBuilder(URI.create(store
                + "/api/v1/import/prometheus")).POST(HttpRequest.BodyPublishers.ofString(fleet())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, imported.statusCode(), imported.body());
        client.send(HttpRequest.newBuilder(URI.create(store + "/internal/force_flush")).build(),
                HttpResponse.BodyHandlers.discarding());

        Path config = workDir.resolve("vmauth.yml");
        Files.writeString(config, "users:\n  - bearer_token: \"" + TOKEN + "\"\n    url_prefix: \"" + store + "\"\n");
        int port = LocalStack.freePort();
        url = "http://127.0.0.1:" + port;
        servers.add(new ProcessBuilder(vmauth.toString(), "-auth.config=" + config, "-httpListenAddr=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(workDir.resolve("vmauth.log").toFile()).start());
        LocalStack.awaitHttp200(client, HttpRequest.newBuilder(URI.create(url + "/api/v1/query?query=1"))
                .header("Authorization", "Bearer " + TOKEN).build(), workDir.resolve("vmauth.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process server : servers) {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /**
     * Two releases of {@link #INSTANCES} instances each, in the text format with millisecond timestamps: each
     * instance's counters 0 until the half hour before {@link #END}, then rising evenly to its share of the release's
     * closes (base: 3 % 1006; bad: 11 %).
     */
    private static String fleet() {
        Map<String, long[]> releases = Map.of("base", new long[] {1900, 60, 20, 20},
                "bad", new long[] {1740, 220, 20, 20});
        StringBuilder out = new StringBuilder();
        long start = END - 1800;
        for (Map.Entry<String, long[]> release : releases.entrySet()) {
            for (int instance = 0; instance < INSTANCES; instance++) {
                for (int c = 0; c < CODES.length; c++) {
                    // The release's closes shared out: the first instances take one more where it does not divide.
                    long total = release.getValue()[c] / INSTANCES
                            + (instance < release.getValue()[c] % INSTANCES ? 1 : 0);
                    for (long t = start - 300; t <= END; t += 60) {
                        double value = t <= start ? 0 : (double) total * (t - start) / (END - start);
                        out.append("websocket_closes_total{application=\"").append(APPLICATION)
                                .append("\",release=\"").append(release.getKey()).append("\",instance=\"i-")
                                .append(instance).append("\",api=\"jakarta\",side=\"server\",endpoint=\"/chat\"")
                                .append(",code=\"")
                                .append(CODES[c]).append("\"} ").append(value).append(' ').append(t * 1000)
                                .append('\n');
                    }
                }
            }
        }
        return out.toString();
    }

    private static Processes.Result compare(Map<String, String> environment) throws Exception {
        return Processes.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("closewatch.it.agentJar"), "compare", "--prometheus", url, "--application",
                APPLICATION, "--baseline", "base", "--candidate", "bad", "--window", "30m", "--end",
                Long.toString(END)), workDir, environment, 60);
    }

    @Test
    void theGateNamesAFleetsRegressionThroughABearerTokenProxy() throws Exception {
        Processes.Result result = compare(Map.of("CLOSEWATCH_PROMETHEUS_HEADERS", "Authorization=Bearer%20" + TOKEN));
        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("REGRESSION: bad against base: more closes with 1006"), result.output());
    }

    @Test
    void withoutTheTokenTheGateSaysSoInOneLine() throws Exception {
        Processes.Result result = compare(Map.of());
        assertEquals(2, result.exitCode(), result.output());
        assertEquals(1, result.output().strip().lines().count(), result.output());
        assertTrue(result.output().startsWith("closewatch compare: Prometheus at " + url
                + " refused the credentials (HTTP 401)"), result.output());
    }
}
