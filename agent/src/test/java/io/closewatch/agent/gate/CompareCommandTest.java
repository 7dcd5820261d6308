package io.closewatch.agent.gate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad arguments are a clear line and exit 2, before Prometheus is asked anything (see ReleaseGateIT for the rest). */
class CompareCommandTest {
    private static final String VALID = "--prometheus http://127.0.0.1:9 --application chat --baseline 1 --candidate 2";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String arguments) {
        return CompareCommand.run(arguments.isEmpty() ? new String[0] : arguments.split(" "), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "--application chat --baseline 1 --candidate 2; --prometheus is required",
        "--prometheus ftp://x --application chat --baseline 1 --candidate 2; --prometheus must be an http(s) URL: ftp://x",
        VALID + " --window 30 ; --window must be a Prometheus duration such as 30m: 30",
        VALID + " --end yesterday; --end must be unix seconds or RFC 3339: yesterday",
        VALID + " --side both; --side must be server or client: both",
        VALID + " --format xml; --format must be text or json: xml",
        VALID + " --alpha 2; alpha must be between 0 and 1: 2.0",
        VALID + " --min-closes many; --min-closes must be a number: many",
        VALID + " --candidate 3; --candidate given twice",
        VALID + " --verbose; unknown argument --verbose",
        VALID + " --window; --window needs a value"})
    void aBadArgumentIsOneClearLineAndExitTwo(String arguments, String message) {
        assertEquals(2, run(arguments.strip()));
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("closewatch compare: " + message, lines[0]);
        assertTrue(lines[1].startsWith("usage: java -jar closewatch-agent.jar compare"), lines[1]);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
    }

    /** A malformed header is one line naming the variable and the entry, never its value (it may be a token). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {"Authorization; 1", "X-Scope-OrgID=shop,Bearer secret; 2",
        "Bad Name=secret; 1", "Authorization=Bearer%zzsecret; 1"})
    void aMalformedHeaderIsOneLineAndExitTwo(String headers, int entry) {
        assertEquals(2, CompareCommand.run(VALID.split(" "), Map.of("CLOSEWATCH_PROMETHEUS_HEADERS", headers),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals("closewatch compare: CLOSEWATCH_PROMETHEUS_HEADERS has a malformed entry number " + entry
                + "; expected name=value, joined by commas, values percent-encoded" + System.lineSeparator(), said);
        assertFalse(said.contains("secret"), said);
    }

    /** The headers go with every request to Prometheus (a real HTTP server here, answering as Prometheus does). */
    @Test
    void theHeadersGoWithEveryRequest() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer prometheus = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
        prometheus.createContext("/api/v1/", exchange -> {
            seen.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("X-Scope-OrgID"));
            byte[] body = (exchange.getRequestURI().getPath().startsWith("/api/v1/label/")
                    ? "{\"status\":\"success\",\"data\":[\"1\"]}"
                    : "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        prometheus.start();
        try {
            String[] args = VALID.replace("http://127.0.0.1:9", "http://127.0.0.1:" + prometheus.getAddress()
                    .getPort()).split(" ");
            int status = CompareCommand.run(args, Map.of("CLOSEWATCH_PROMETHEUS_AUTH", "gate:pw",
                    "CLOSEWATCH_PROMETHEUS_HEADERS", "Authorization=Bearer%20a+b/c%3D, X-Scope-OrgID=shop"),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(3, status, err::toString); // no closes at all: not enough data
        } finally {
            prometheus.stop(0);
        }
        assertFalse(seen.isEmpty());
        assertEquals(List.of("Bearer a+b/c= shop"), seen.stream().distinct().toList(), "the header replaces Basic");
    }

    /** The releases a verdict names for a release with no closes: a fleet's many stay one line. */
    @Test
    void aLongListOfNamesIsCutAndCounted() {
        assertEquals("a, b, c", CompareCommand.listed(List.of("a", "b", "c")));
        List<String> many = java.util.stream.IntStream.range(0, 25).mapToObj(i -> "r" + i).toList();
        assertEquals(String.join(", ", many.subList(0, 20)) + ", ... (25 in all)", CompareCommand.listed(many));
    }

    @Test
    void helpPrintsTheUsage() {
        assertEquals(0, run("--help"));
        assertEquals(CompareCommand.USAGE, out.toString(StandardCharsets.UTF_8).strip());
    }
}
