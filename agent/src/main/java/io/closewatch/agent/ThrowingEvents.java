package io.closewatch.agent;

import io.closewatch.agent.bootstrap.CloseWatchBridge;

import java.lang.reflect.Proxy;

/**
 * What {@link InjectedFaults#RECORD} installs: every event throws; failures still reach the real recorder. A proxy
 * of {@link CloseWatchBridge.Events}, so that it cannot drift from the events it stands in for.
 */
final class ThrowingEvents {
    private ThrowingEvents() {
    }

    /** {@code events} as they are, or, with {@link InjectedFaults#RECORD} on, throwing from every event. */
    static CloseWatchBridge.Events wrapIfInjected(CloseWatchBridge.Events events) {
        if (!InjectedFaults.RECORD.isOn()) {
            return events;
        }
        return (CloseWatchBridge.Events) Proxy.newProxyInstance(ThrowingEvents.class.getClassLoader(),
                new Class<?>[] {CloseWatchBridge.Events.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("failed")) {
                        return method.invoke(events, arguments);
                    }
                    throw new IllegalStateException("fault injected by " + InjectedFaults.PROPERTY + "=record");
                });
    }
}
