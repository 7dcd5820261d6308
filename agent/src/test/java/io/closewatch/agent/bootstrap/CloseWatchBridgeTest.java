package io.closewatch.agent.bootstrap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event signature is defined once, in {@link CloseWatchBridge.Events}: the recorder implements it (the compiler
 * checks that), the injected-fault events are a proxy of it, and the bridge's static methods, which advice calls,
 * are checked here against it: one for each event, same parameters, arguments passed on unchanged, and no exception
 * let out.
 */
class CloseWatchBridgeTest {
    /**
     * Not close events: set-up, the application's Micrometer for {@code export=host}, a failing advice, and what is
     * ending sessions on this thread, which becomes an error or idle event (tested below).
     */
    private static final Set<String> NOT_EVENTS = Set.of("install", "claim", "onMicrometer", "micrometerInitialized",
            "adviceFailed", "operatorFails", "idleTimerRuns", "endingDone", "endsHere");

    private final List<String> calls = new ArrayList<>();

    @AfterEach
    void uninstall() {
        CloseWatchBridge.install(null);
        CloseWatchBridge.onMicrometer(null);
    }

    private static List<Method> events() {
        return Arrays.stream(CloseWatchBridge.Events.class.getMethods())
                .filter(m -> !m.getName().equals("failed")).toList();
    }

    private static Object[] sampleArguments(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(type -> type == int.class ? (Object) 4001
                : type == boolean.class ? (Object) Boolean.TRUE : type == String.class ? "jakarta"
                : type == URI.class ? URI.create("ws://127.0.0.1:1")
                : type == Throwable.class ? new IllegalStateException("sample") : new Object()).toArray();
    }

    private CloseWatchBridge.Events recording(boolean throwing) {
        return (CloseWatchBridge.Events) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CloseWatchBridge.Events.class}, (proxy, method, arguments) -> {
                    calls.add(method.getName() + Arrays.toString(arguments));
                    if (throwing && !method.getName().equals("failed")) {
                        throw new IllegalStateException("broken recorder");
                    }
                    return null;
                });
    }

    @Test
    void aThrowableFromAnAdviceIsReportedAsAnInstrumentationFailureAndNothingEscapes() {
        CloseWatchBridge.adviceFailed(new NoSuchMethodError("gone")); // nothing installed: ignored
        CloseWatchBridge.install(recording(false));
        CloseWatchBridge.adviceFailed(new NoSuchMethodError("gone"));
        assertEquals(List.of("failed[instrumentation, java.lang.NoSuchMethodError: gone]"), calls);
        CloseWatchBridge.install((CloseWatchBridge.Events) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CloseWatchBridge.Events.class}, (proxy, method, arguments) -> {
                    throw new IllegalStateException("even failed() fails");
                }));
        CloseWatchBridge.adviceFailed(new NoSuchMethodError("gone")); // must not throw
    }

    @Test
    void everyEventHasAStaticMethodThatPassesItsArgumentsOn() throws Exception {
        CloseWatchBridge.install(recording(false));
        for (Method event : events()) {
            Method forwarder = CloseWatchBridge.class.getMethod(event.getName(), event.getParameterTypes());
            assertTrue(Modifier.isStatic(forwarder.getModifiers()), forwarder.toString());
            Object[] arguments = sampleArguments(event);
            calls.clear();
            forwarder.invoke(null, arguments);
            assertEquals(List.of(event.getName() + Arrays.toString(arguments)), calls, forwarder.toString());
        }
    }

    @Test
    void everyStaticMethodIsAnEvent() {
        Set<String> eventNames = Set.copyOf(events().stream().map(Method::getName).toList());
        for (Method method : CloseWatchBridge.class.getDeclaredMethods()) {
            if (Modifier.isPublic(method.getModifiers()) && !NOT_EVENTS.contains(method.getName())) {
                assertTrue(eventNames.contains(method.getName()), method + " has no event in Events");
            }
        }
    }

    @Test
    void aFailingRecorderNeverReachesTheCallerAndIsReportedOnce() throws Exception {
        CloseWatchBridge.install(recording(true));
        for (Method event : events()) {
            calls.clear();
            CloseWatchBridge.class.getMethod(event.getName(), event.getParameterTypes())
                    .invoke(null, sampleArguments(event));
            assertEquals(2, calls.size(), event + ": " + calls);
            assertTrue(calls.get(1).startsWith("failed["), calls.toString());
        }
    }

    @Test
    void withNothingInstalledEveryEventIsIgnored() throws Exception {
        for (Method event : events()) {
            CloseWatchBridge.class.getMethod(event.getName(), event.getParameterTypes())
                    .invoke(null, sampleArguments(event));
        }
        assertFalse(calls.iterator().hasNext());
    }

    @Test
    void aSessionEndingWhileAnOperatorFailsOrAnIdleTimerRunsOnThisThreadIsToldWhy() throws Exception {
        CloseWatchBridge.install(recording(false));
        Object session = "session";
        CloseWatchBridge.endsHere(session);
        assertEquals(List.of(), calls, "nothing at work");

        IllegalStateException outer = new IllegalStateException("outer");
        IllegalArgumentException inner = new IllegalArgumentException("inner");
        Object replaced = CloseWatchBridge.operatorFails(outer);
        Object replacedByInner = CloseWatchBridge.operatorFails(inner);
        CloseWatchBridge.endsHere(session);
        CloseWatchBridge.endingDone(replacedByInner);
        CloseWatchBridge.endsHere(session);
        Thread other = new Thread(() -> CloseWatchBridge.endsHere(session));
        other.start();
        other.join();
        CloseWatchBridge.endingDone(replaced);
        CloseWatchBridge.endsHere(session);
        Object beforeTimer = CloseWatchBridge.idleTimerRuns();
        CloseWatchBridge.endsHere(session);
        CloseWatchBridge.endingDone(beforeTimer);
        CloseWatchBridge.endsHere(session);
        assertEquals(List.of("errorReported[session, " + inner + "]", "errorReported[session, " + outer + "]",
                "idleTimedOut[session]"), calls, "this thread's, while at work only");
    }

    @Test
    void theApplicationsMicrometerIsPassedOnAndAFailingListenerIsReportedNotThrown() {
        CloseWatchBridge.micrometerInitialized(String.class); // nobody listening: nothing happens
        List<Class<?>> seen = new ArrayList<>();
        CloseWatchBridge.onMicrometer(seen::add);
        CloseWatchBridge.micrometerInitialized(String.class);
        assertEquals(List.of(String.class), seen);

        CloseWatchBridge.install(recording(false));
        CloseWatchBridge.onMicrometer(metrics -> {
            throw new IllegalStateException("broken export");
        });
        CloseWatchBridge.micrometerInitialized(String.class);
        assertEquals(1, calls.size(), calls.toString());
        assertTrue(calls.get(0).startsWith("failed[host_export, java.lang.IllegalStateException: broken export"),
                calls.toString());
    }
}
