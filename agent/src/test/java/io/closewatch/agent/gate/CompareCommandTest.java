package io.closewatch.agent.gate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void helpPrintsTheUsage() {
        assertEquals(0, run("--help"));
        assertEquals(CompareCommand.USAGE, out.toString(StandardCharsets.UTF_8).strip());
    }
}
