package io.closewatch.demo;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A programmatic endpoint: a price feed that pushes a tick every 250 ms to each subscriber. */
public final class FeedEndpoint extends Endpoint {
    static final String PATH = "/feed/{topic}";
    private static final ScheduledExecutorService TICKER =
            Executors.newScheduledThreadPool(1, runnable -> DaemonThreads.daemon(runnable, "feed-ticker"));
    private static final String TICKS = "ticks";

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        String topic = session.getPathParameters().get("topic");
        ScheduledFuture<?> ticks = TICKER.scheduleAtFixedRate(() -> {
            if (session.isOpen()) {
                session.getAsyncRemote().sendText(topic + " " + System.nanoTime() % 10_000);
            }
        }, 250, 250, TimeUnit.MILLISECONDS);
        session.getUserProperties().put(TICKS, ticks);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) message -> {
            try {
                HouseRules.admit(session, message);
            } catch (IOException | RuntimeException e) {
                HouseRules.failed(session, e);
            }
        });
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        Object ticks = session.getUserProperties().get(TICKS);
        if (ticks instanceof ScheduledFuture<?> future) {
            future.cancel(false);
        }
    }
}
