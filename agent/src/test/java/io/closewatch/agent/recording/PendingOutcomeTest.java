package io.closewatch.agent.recording;

import io.closewatch.agent.instrumentation.HookOutcome;
import io.closewatch.agent.instrumentation.InstrumentationModule;
import io.closewatch.agent.instrumentation.TypeHooks;
import io.closewatch.agent.instrumentation.jdk.JdkWebSocketInstrumentation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the weaver reports before the meters exist is told later, in order, each as it was; then at once. */
class PendingOutcomeTest {
    private final JdkWebSocketInstrumentation jdk = new JdkWebSocketInstrumentation();

    /** Every call it is told, as a line. */
    private static final class Told implements HookOutcome {
        final List<String> lines = new ArrayList<>();

        @Override
        public void hooked(InstrumentationModule module, TypeHooks hooks, String typeName) {
            lines.add("hooked " + module.stack() + " " + typeName);
        }

        @Override
        public void failed(InstrumentationModule module, String typeName, Throwable error) {
            lines.add("failed " + module.stack() + " " + typeName + " " + error.getMessage());
        }

        @Override
        public void disabled(InstrumentationModule module, String typeName) {
            lines.add("disabled " + module.stack() + " " + typeName);
        }

        @Override
        public void uncounted(String typeName) {
            lines.add("uncounted " + typeName);
        }
    }

    @Test
    void everyKindIsToldLaterInOrderThenAtOnce() {
        PendingOutcome pending = new PendingOutcome();
        pending.uncounted("com.example.ws.Handshake");
        pending.hooked(jdk, jdk.hooks().get(0), "A");
        pending.failed(jdk, "B", new IllegalStateException("gone"));
        pending.disabled(jdk, "C");
        Told told = new Told();
        pending.reportTo(told);
        assertEquals(List.of("uncounted com.example.ws.Handshake", "hooked java.net.http A",
                "failed java.net.http B gone", "disabled java.net.http C"), told.lines);
        pending.uncounted("com.example.ws.Client");
        assertEquals("uncounted com.example.ws.Client", told.lines.get(told.lines.size() - 1));
        assertEquals(5, told.lines.size());
    }
}
