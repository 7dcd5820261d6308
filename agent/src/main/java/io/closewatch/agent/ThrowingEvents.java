package io.closewatch.agent;

import io.closewatch.agent.bootstrap.CloseWatchBridge;

import java.net.URI;

/** What {@link InjectedFaults#RECORD} installs: every event throws; failures still reach the real recorder. */
final class ThrowingEvents implements CloseWatchBridge.Events {
    private final CloseWatchBridge.Events delegate;

    private ThrowingEvents(CloseWatchBridge.Events delegate) {
        this.delegate = delegate;
    }

    /** {@code events} as they are, or, with {@link InjectedFaults#RECORD} on, throwing from every event. */
    static CloseWatchBridge.Events wrapIfInjected(CloseWatchBridge.Events events) {
        return InjectedFaults.RECORD.isOn() ? new ThrowingEvents(events) : events;
    }

    private static IllegalStateException injected() {
        return new IllegalStateException("fault injected by " + InjectedFaults.PROPERTY + "=record");
    }

    @Override
    public void opened(Object session, String api, Object endpoint, String pathTemplate, URI clientTarget) {
        throw injected();
    }

    @Override
    public void pathTemplate(Object endpoint, String pathTemplate) {
        throw injected();
    }

    @Override
    public void clientConnecting(URI target) {
        throw injected();
    }

    @Override
    public void closeSent(Object session, String api, int code) {
        throw injected();
    }

    @Override
    public void closeReceived(Object session, String api, int code) {
        throw injected();
    }

    @Override
    public void aborted(Object session, String api) {
        throw injected();
    }

    @Override
    public void ended(Object session, String api, int reportedCode, boolean peerFramesTracked) {
        throw injected();
    }

    @Override
    public void failed(String event, Throwable error) {
        delegate.failed(event, error);
    }
}
