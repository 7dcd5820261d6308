package io.closewatch.agent.instrumentation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every instrumentation module is a sibling: its compiled classes refer to the bridge, {@code core/}, the shared
 * helpers in {@code instrumentation/} and its own package, and to no other agent class. Read from the class files'
 * constant pools, so an import, a class literal or a constant of another module all count.
 */
class ModuleIndependenceTest {
    private static final String AGENT = "io/closewatch/agent/";
    private static final Pattern AGENT_TYPE = Pattern.compile(Pattern.quote(AGENT) + "[A-Za-z0-9_/$]+");

    @Test
    void noModuleRefersToAnotherModuleOrToTheAgentsInternals() throws Exception {
        Path instrumentation = Path.of(InstrumentationModule.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).resolve(AGENT + "instrumentation");
        List<Path> modules;
        try (Stream<Path> children = Files.list(instrumentation)) {
            modules = children.filter(Files::isDirectory).toList();
        }
        assertTrue(modules.size() >= 5, "the modules were found: " + modules);
        List<String> violations = new ArrayList<>();
        for (Path module : modules) {
            String own = AGENT + "instrumentation/" + module.getFileName() + "/";
            try (Stream<Path> classes = Files.walk(module)) {
                for (Path classFile : classes.filter(p -> p.toString().endsWith(".class")).toList()) {
                    for (String type : agentTypesIn(classFile)) {
                        if (!allowed(type, own)) {
                            violations.add(instrumentation.relativize(classFile) + " -> " + type);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    private static boolean allowed(String type, String ownPackage) {
        String rest = type.substring(AGENT.length());
        return type.startsWith(ownPackage) || rest.startsWith("bootstrap/") || rest.startsWith("core/")
                || (rest.startsWith("instrumentation/") && rest.indexOf('/', "instrumentation/".length()) < 0);
    }

    private static List<String> agentTypesIn(Path classFile) throws IOException {
        String constants = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
        List<String> types = new ArrayList<>();
        Matcher matcher = AGENT_TYPE.matcher(constants);
        while (matcher.find()) {
            types.add(matcher.group());
        }
        return types;
    }
}
