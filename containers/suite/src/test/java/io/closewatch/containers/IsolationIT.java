package io.closewatch.containers;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A host with its own, other versions of Byte Buddy, Micrometer (and its global registry), SLF4J and Logback runs
 * exactly as it does without the agent: same classes from the same jars, same meters, same logging. And the agent
 * puts no class of its own where the host's or the JDK's classes live.
 */
class IsolationIT {
    private static List<String> run(String agentArgs) throws Exception {
        try (HostJvm host = HostJvm.start("isolation", "io.closewatch.containers.host.IsolationHost", List.of(),
                JavaHomes.require(17), agentArgs, List.of(), Map.of())) {
            List<String> output = host.output();
            if (agentArgs != null) {
                Scrape scrape = Scrape.of(host.metricsPort());
                assertEquals(Map.of("{api=jdk, category=application, code=4002, endpoint=ws://127.0.0.1:"
                                + host.readyValue("raw") + ", initiator=remote, side=client}", 1.0),
                        scrape.values("websocket_closes_total", "application", "release"), "the agent still counts");
                assertFalse(scrape.body.contains("host_requests"), "the host's meters stay in the host's registry");
            }
            return output.subList(0, output.indexOf(output.stream().filter(l -> l.startsWith("READY")).findFirst()
                    .orElseThrow()));
        }
    }

    @Test
    void theHostsOwnLibrariesMetersAndLoggingAreUntouched() throws Exception {
        List<String> without = run(null);
        List<String> with = run("port={port}");
        assertEquals(without, with, "what the host sees of its own libraries, with and without the agent");
        assertTrue(with.contains("bytebuddy byte-buddy-1.14.12.jar"), with.toString());
        assertTrue(with.contains("micrometer micrometer-core-1.12.13.jar"), with.toString());
        assertTrue(with.contains("slf4j slf4j-api-1.7.36.jar"), with.toString());
        assertTrue(with.contains("logger-factory ch.qos.logback.classic.LoggerContext"), with.toString());
        assertTrue(with.contains("global-registry [host.requests]"), with.toString());
        assertTrue(with.contains("host-scrape-has-websocket false"), with.toString());
        assertTrue(with.contains("HOST-LOG INFO IsolationHost host logging works"), with.toString());
    }

    @Test
    void theAgentDefinesNoClassInTheJdksPackagesNorInjectsOneIntoTheHostsLoaderNorLoadsItsAdvice() throws Exception {
        Path classLog = Files.createTempFile("closewatch-it-classes", ".log");
        try {
            try (HostJvm host = HostJvm.start("tomcat11", JavaHomes.require(17), "port={port}",
                    List.of("-Xlog:class+load=info:file=" + classLog), Map.of())) {
                host.play("jdk-server-close 4001 /annotated/footprint"); // instrumented classes are transformed
                assertEquals(2.0, awaitCloses4001(host, 2.0), "server and client side");
            }
            List<String> loaded = Files.readAllLines(classLog);
            assertTrue(loaded.stream().anyMatch(line -> line.contains(" io.closewatch.agent.recording.CloseRecorder ")),
                    "the log lists the agent's classes");
            // Byte Buddy's defaults would define an accessor inside java.lang and inject its Nexus class into the
            // application class loader, neither of which the agent uses.
            List<String> intrusions = loaded.stream()
                    .filter(line -> line.contains("ByteBuddyAccessor") || line.contains(".dynamic.Nexus "))
                    .toList();
            assertEquals(List.of(), intrusions);
            // Advice is read as class files and inlined into the hooked methods; loading it would define classes
            // naming the host's types in the agent's (the application's) loader.
            List<String> adviceLoaded = loaded.stream()
                    .filter(line -> line.matches(".* io\\.closewatch\\.agent\\.instrumentation\\.\\S+Advice .*"))
                    .toList();
            assertEquals(List.of(), adviceLoaded, "advice classes loaded as classes");
        } finally {
            Files.deleteIfExists(classLog);
        }
    }

    @Test
    void theAgentGivenTwiceStartsOnce() throws Exception {
        String stderr;
        try (HostJvm host = HostJvm.start("tomcat11", JavaHomes.require(17), "port={port}",
                List.of("-javaagent:" + HostJvm.agentJar() + "=port=0"), Map.of())) {
            host.play("jdk-server-close 4001 /annotated/twice");
            assertEquals(2.0, awaitCloses4001(host, 2.0), "the first agent counts server and client once");
            stderr = host.stderr();
        }
        assertEquals(1, stderr.lines().filter(line -> line.contains("/metrics (application=")).count(), stderr);
        assertEquals(1, stderr.lines().filter(line -> line.contains("Closewatch is already running")).count(),
                stderr);
    }

    /** The count of closes with code 4001 once it reaches {@code expected}, or as it is after 10 s. */
    private static double awaitCloses4001(HostJvm host, double expected) throws Exception {
        double closes = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (closes != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            closes = Scrape.of(host.metricsPort()).values("websocket_closes_total", "application", "release", "api",
                    "side", "endpoint", "category", "initiator").getOrDefault("{code=4001}", 0.0);
        }
        return closes;
    }
}
