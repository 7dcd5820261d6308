package io.closewatch.agent.startup;

import io.closewatch.agent.bootstrap.CloseWatchBridge;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The events the agent installs when the test suite injects a fault ({@link InjectedFaults}): {@code record} makes
 * every event throw (failures still reach the real recorder); {@code late-double} passes every event on and, a
 * moment after a session ended, plays its events once more for a twin session, so that its close is counted a second
 * time, late, as a bug would: the suite must notice. Proxies of {@link CloseWatchBridge.Events}, so that they cannot
 * drift from the events they stand in for.
 */
public final class InjectedEvents {
    /** Events whose first argument is the session. */
    private static final Set<String> SESSION_EVENTS = Set.of("opened", "closeSent", "closeReceived", "aborted",
            "connectionLost", "errorReported", "idleTimedOut", "ended", "endedIfSeen");
    private static final long LATE_MILLIS = 150;

    private InjectedEvents() {
    }

    /** {@code events} as they are, or as the injected fault makes them. */
    public static CloseWatchBridge.Events wrapIfInjected(CloseWatchBridge.Events events) {
        if (InjectedFaults.RECORD.isOn()) {
            return proxy((proxy, method, arguments) -> {
                if (method.getName().equals("failed")) {
                    return method.invoke(events, arguments);
                }
                throw new IllegalStateException("fault injected by " + InjectedFaults.PROPERTY + "=record");
            });
        }
        if (InjectedFaults.LATE_DOUBLE.isOn()) {
            return lateDoubles(events);
        }
        return events;
    }

    private static CloseWatchBridge.Events lateDoubles(CloseWatchBridge.Events events) {
        Map<Object, List<Object[]>> played = new IdentityHashMap<>();
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "closewatch-late-double");
            thread.setDaemon(true);
            thread.setContextClassLoader(null); // not the loader of the host's thread that first ended a session
            return thread;
        });
        return proxy((proxy, method, arguments) -> {
            Object result = method.invoke(events, arguments);
            if (!SESSION_EVENTS.contains(method.getName()) || arguments[0] == null) {
                return result;
            }
            List<Object[]> replay = null;
            synchronized (played) {
                played.computeIfAbsent(arguments[0], session -> new ArrayList<>()).add(new Object[] {method,
                    arguments.clone()});
                if (method.getName().startsWith("ended")) {
                    replay = played.remove(arguments[0]);
                }
            }
            if (replay != null) {
                List<Object[]> twinEvents = replay;
                later.schedule(() -> {
                    Object twin = new Object();
                    for (Object[] event : twinEvents) {
                        Object[] twinArguments = ((Object[]) event[1]).clone();
                        twinArguments[0] = twin;
                        ((Method) event[0]).invoke(events, twinArguments);
                    }
                    return null;
                }, LATE_MILLIS, TimeUnit.MILLISECONDS);
            }
            return result;
        });
    }

    private static CloseWatchBridge.Events proxy(java.lang.reflect.InvocationHandler handler) {
        return (CloseWatchBridge.Events) Proxy.newProxyInstance(InjectedEvents.class.getClassLoader(),
                new Class<?>[] {CloseWatchBridge.Events.class}, handler);
    }
}
