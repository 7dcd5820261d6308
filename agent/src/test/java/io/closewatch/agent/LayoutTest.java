package io.closewatch.agent;

import io.closewatch.agent.instrumentation.InstrumentationModule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The agent's rooms and the only ways between them, read from the compiled classes' constant pools (so an import, a
 * class literal or a constant all count). Every package refers only to those below it: the entry and wiring at the
 * top; then {@code startup/} (the bridge put into the bootstrap loader), {@code recording/} (events to counted
 * sessions to meters, and what the agent says of itself), {@code weaving/} (the weaver's engine, both weavers),
 * {@code export/}, {@code gate/}, {@code http/}; then the module API in {@code instrumentation/}, {@code metrics/},
 * {@code config/}; at the bottom {@code bootstrap/} and {@code core/}. An instrumentation module (a package under
 * {@code instrumentation/}) is a sibling of the others: the bridge, {@code core/}, the module API and its own
 * package, never the engine nor another module.
 */
class LayoutTest {
    private static final String AGENT = "io/closewatch/agent/";
    private static final Pattern AGENT_TYPE = Pattern.compile(Pattern.quote(AGENT) + "[A-Za-z0-9_/$]+");
    /** Per room, the rooms it may refer to besides itself; the top level and the modules are checked apart. */
    private static final Map<String, Set<String>> MAY_USE = Map.ofEntries(
            Map.entry("startup", Set.of("bootstrap")),
            Map.entry("recording", Set.of("bootstrap", "core", "instrumentation", "metrics")),
            Map.entry("weaving", Set.of("bootstrap", "instrumentation")),
            Map.entry("export", Set.of("config", "metrics")),
            Map.entry("gate", Set.of("core", "config")),
            Map.entry("http", Set.of()),
            Map.entry("instrumentation", Set.of("bootstrap", "core")),
            Map.entry("metrics", Set.of("core")),
            Map.entry("config", Set.of()),
            Map.entry("bootstrap", Set.of()),
            Map.entry("core", Set.of()));

    @Test
    void everyRoomRefersOnlyToTheRoomsBelowIt() throws Exception {
        List<String> violations = new ArrayList<>();
        for (Path classFile : agentClasses()) {
            String room = room(classes().relativize(classFile).toString().replace('\\', '/'));
            if (room.equals("") || room.startsWith("instrumentation/")) {
                continue; // the top level wires everything; the modules have their own rule
            }
            Set<String> allowed = MAY_USE.get(room);
            assertTrue(allowed != null, "a room the layout does not know: " + room + " (" + classFile + ")");
            for (String type : agentTypesIn(classFile)) {
                String used = room(type);
                if (!used.equals(room) && !allowed.contains(used)) {
                    violations.add(room + ": " + classes().relativize(classFile) + " -> " + type);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void noModuleRefersToTheEngineToAnotherModuleOrToTheAgentsInternals() throws Exception {
        Set<String> modules = new TreeSet<>();
        List<String> violations = new ArrayList<>();
        for (Path classFile : agentClasses()) {
            String room = room(classes().relativize(classFile).toString().replace('\\', '/'));
            if (!room.startsWith("instrumentation/")) {
                continue;
            }
            modules.add(room);
            for (String type : agentTypesIn(classFile)) {
                if (!moduleMayUse(room, type)) {
                    violations.add(classes().relativize(classFile) + " -> " + type);
                }
            }
        }
        assertTrue(modules.size() >= 10, "the modules were found: " + modules);
        assertEquals(List.of(), violations);
    }

    /** The rule itself: what would fail the test above. */
    @Test
    void theModuleRuleRefusesTheEngineAndOtherModules() {
        String netty = "instrumentation/netty";
        assertTrue(moduleMayUse(netty, AGENT + "instrumentation/netty/ServerOpenAdvice"));
        assertTrue(moduleMayUse(netty, AGENT + "instrumentation/TypeHooks"));
        assertTrue(moduleMayUse(netty, AGENT + "bootstrap/CloseWatchBridge"));
        assertTrue(moduleMayUse(netty, AGENT + "core/Api"));
        assertFalse(moduleMayUse(netty, AGENT + "weaving/HookWeaver"), "the engine");
        assertFalse(moduleMayUse(netty, AGENT + "instrumentation/okhttp/OkHttpInstrumentation"), "another module");
        assertFalse(moduleMayUse(netty, AGENT + "recording/CloseRecorder"), "the recorder");
        assertFalse(moduleMayUse(netty, AGENT + "HookInstaller"), "the wiring");
    }

    private static boolean moduleMayUse(String module, String type) {
        String used = room(type);
        return used.equals(module) || used.equals("instrumentation") || used.equals("bootstrap")
                || used.equals("core");
    }

    /** {@code ""} for the top level, {@code instrumentation/netty} for a module, else the package under the agent's. */
    private static String room(String internalName) {
        String[] parts = internalName.substring(AGENT.length()).split("/", -1);
        if (parts.length == 1) {
            return "";
        }
        return parts[0].equals("instrumentation") && parts.length > 2 ? parts[0] + "/" + parts[1] : parts[0];
    }

    private static Path classes() throws Exception {
        return Path.of(InstrumentationModule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<Path> agentClasses() throws Exception {
        try (Stream<Path> files = Files.walk(classes().resolve(AGENT))) {
            return files.filter(p -> p.toString().endsWith(".class")).toList();
        }
    }

    private static List<String> agentTypesIn(Path classFile) throws IOException {
        String constants = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
        List<String> types = new ArrayList<>();
        Matcher matcher = AGENT_TYPE.matcher(constants);
        while (matcher.find()) {
            if (!matcher.group().startsWith(AGENT + "shaded/")) {
                types.add(matcher.group());
            }
        }
        return types;
    }
}
