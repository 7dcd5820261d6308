package io.closewatch.agent.http;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The connections the endpoint holds, at most {@code capacity}, each with a deadline. A connection over the capacity
 * makes room by closing the oldest one still waiting for its request (else the oldest of all), so that a flood or a
 * crowd of stalled clients cannot lock a scraper out: a scraper's request arrives within milliseconds of its
 * connection and is then no longer the first to go. A connection past its deadline is closed by {@link #expire}.
 */
final class ConnectionTable<C extends Closeable> {
    /** What a connection is doing, which decides whether it is the first to go. */
    enum Stage { WAITING_FOR_REQUEST, RESPONDING }

    private final int capacity;
    private final List<Entry<C>> entries = new ArrayList<>();

    private static final class Entry<C> {
        final C connection;
        Stage stage;
        long deadline;

        Entry(C connection, long deadline) {
            this.connection = connection;
            this.stage = Stage.WAITING_FOR_REQUEST;
            this.deadline = deadline;
        }
    }

    ConnectionTable(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Adds a connection waiting for its request until {@code deadline}.
     *
     * @return the connection closed to make room for it, or null
     */
    C add(C connection, long deadline) {
        Entry<C> evicted = null;
        synchronized (entries) {
            if (entries.size() >= capacity) {
                evicted = oldest(Stage.WAITING_FOR_REQUEST);
                if (evicted == null) {
                    evicted = entries.get(0);
                }
                entries.remove(evicted);
            }
            entries.add(new Entry<>(connection, deadline));
        }
        if (evicted != null) {
            closeQuietly(evicted.connection);
            return evicted.connection;
        }
        return null;
    }

    /** The connection moved on to {@code stage}, to be done by {@code deadline}; false if it was closed meanwhile. */
    boolean update(C connection, Stage stage, long deadline) {
        synchronized (entries) {
            for (Entry<C> entry : entries) {
                if (entry.connection == connection) {
                    entry.stage = stage;
                    entry.deadline = deadline;
                    return true;
                }
            }
            return false;
        }
    }

    void remove(C connection) {
        synchronized (entries) {
            entries.removeIf(entry -> entry.connection == connection);
        }
    }

    /** Closes and forgets every connection whose deadline is before {@code now}; returns how many. */
    int expire(long now) {
        List<C> expired = new ArrayList<>();
        synchronized (entries) {
            entries.removeIf(entry -> {
                if (entry.deadline - now < 0) {
                    expired.add(entry.connection);
                    return true;
                }
                return false;
            });
        }
        expired.forEach(ConnectionTable::closeQuietly);
        return expired.size();
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    int size(Stage stage) {
        synchronized (entries) {
            return (int) entries.stream().filter(entry -> entry.stage == stage).count();
        }
    }

    /** Closes every connection, when the endpoint stops. */
    void closeAll() {
        List<C> all = new ArrayList<>();
        synchronized (entries) {
            entries.forEach(entry -> all.add(entry.connection));
            entries.clear();
        }
        all.forEach(ConnectionTable::closeQuietly);
    }

    private Entry<C> oldest(Stage stage) {
        for (Entry<C> entry : entries) {
            if (entry.stage == stage) {
                return entry;
            }
        }
        return null;
    }

    private static void closeQuietly(Closeable connection) {
        try {
            connection.close();
        } catch (IOException | RuntimeException ignored) {
            // closing is all that is wanted
        }
    }
}
