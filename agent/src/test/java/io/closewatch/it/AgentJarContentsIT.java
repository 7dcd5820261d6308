package io.closewatch.it;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped jar: everything it carries is relocated, and its manifest makes it an agent. */
class AgentJarContentsIT {
    private static final String OWN_PACKAGE = "io/closewatch/agent/";
    private static final String RELOCATED = OWN_PACKAGE + "shaded/";

    private static JarFile agentJar() throws Exception {
        return new JarFile(System.getProperty("closewatch.it.agentJar"));
    }

    @Test
    void carriesNoClassOutsideItsOwnPackagesAndTheRelocationPrefix() throws Exception {
        List<String> strays = new ArrayList<>();
        int relocated = 0;
        try (JarFile jar = agentJar()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                String name = entry.getName();
                if (!name.endsWith(".class")) {
                    continue;
                }
                if (!name.startsWith(OWN_PACKAGE)) {
                    strays.add(name);
                } else if (name.startsWith(RELOCATED)) {
                    relocated++;
                }
            }
        }
        assertEquals(List.of(), strays, "classes outside " + OWN_PACKAGE);
        assertTrue(relocated > 1000, "Byte Buddy, Micrometer and SLF4J should be relocated under " + RELOCATED);
    }

    @Test
    void relocatesEachDependencyItCarries() throws Exception {
        try (JarFile jar = agentJar()) {
            for (String dependency : new String[] {"net/bytebuddy/ByteBuddy.class",
                "io/micrometer/core/instrument/MeterRegistry.class",
                "io/micrometer/prometheusmetrics/PrometheusMeterRegistry.class", "org/slf4j/LoggerFactory.class",
                "org/slf4j/simple/SimpleLogger.class"}) {
                assertNotNull(jar.getEntry(RELOCATED + dependency), dependency);
            }
            assertNotNull(jar.getEntry("META-INF/services/io.closewatch.agent.shaded.org.slf4j.spi.SLF4JServiceProvider"),
                    "the relocated SLF4J must find its relocated backend");
        }
    }

    @Test
    void manifestDeclaresTheAgentEntryPoints() throws Exception {
        try (JarFile jar = agentJar()) {
            Attributes attributes = jar.getManifest().getMainAttributes();
            assertEquals("io.closewatch.agent.CloseWatchAgent", attributes.getValue("Premain-Class"));
            assertEquals("io.closewatch.agent.CloseWatchAgent", attributes.getValue("Agent-Class"));
            assertEquals("true", attributes.getValue("Can-Retransform-Classes"));
            assertEquals("io.closewatch.agent.AttachMain", attributes.getValue("Main-Class"));
            assertNotNull(attributes.getValue("Implementation-Version"));
        }
    }
}
