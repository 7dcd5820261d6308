package io.closewatch.agent;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code java -jar closewatch-agent.jar ...}: the usage, and arguments that are not a process to attach to. */
class AttachMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> attached = new ArrayList<>();

    private int run(AttachMain.Attacher attacher, String... args) {
        return AttachMain.attach(args, "/agent.jar", new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), attacher);
    }

    private int run(String... args) {
        return run((pid, jar, options) -> attached.add(pid + " " + jar + " " + options), args);
    }

    @Test
    void helpPrintsTheUsageAndAttachesNothing() {
        for (String help : new String[] {"--help", "-h"}) {
            out.reset();
            assertEquals(0, run(help));
            assertEquals(AttachMain.USAGE + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), attached);
    }

    @Test
    void noArgumentPrintsTheUsageAsAnError() {
        assertEquals(2, run());
        assertEquals(AttachMain.USAGE + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
        assertEquals(List.of(), attached);
    }

    @Test
    void aWordThatIsNotAProcessIdIsNamed() {
        assertEquals(2, run("--version"));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("Closewatch: '--version' is not a process id"),
                err::toString);
        assertEquals(List.of(), attached);
    }

    @Test
    void aProcessIdIsAttachedToWithTheOptions() {
        assertEquals(0, run("4242", "port=0,release=1.2"));
        assertEquals(List.of("4242 /agent.jar port=0,release=1.2"), attached);
        assertEquals("Closewatch attached to 4242" + System.lineSeparator(), out.toString(StandardCharsets.UTF_8));
    }

    /** The JDK's own failure, in one line: no stack trace. */
    @Test
    void aFailedAttachIsOneLine() {
        assertEquals(1, run((pid, jar, options) -> {
            throw new IllegalStateException("No such process");
        }, "4242"));
        String said = err.toString(StandardCharsets.UTF_8);
        assertEquals("Closewatch could not attach to process 4242: java.lang.IllegalStateException: No such process"
                + System.lineSeparator(), said);
        assertFalse(said.contains("\tat "), said);
    }
}
