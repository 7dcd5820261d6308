package io.closewatch.agent.http;

import org.junit.jupiter.api.Test;

import java.io.Closeable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConnectionTableTest {
    private static final class Connection implements Closeable {
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void overTheCapacityTheOldestStillWaitingForItsRequestIsClosed() {
        ConnectionTable<Connection> table = new ConnectionTable<>(3);
        Connection responding = new Connection();
        Connection oldWaiting = new Connection();
        Connection newWaiting = new Connection();
        assertNull(table.add(responding, 100));
        table.update(responding, ConnectionTable.Stage.RESPONDING, 100);
        assertNull(table.add(oldWaiting, 100));
        assertNull(table.add(newWaiting, 100));
        Connection newest = new Connection();
        assertSame(oldWaiting, table.add(newest, 100));
        assertTrue(oldWaiting.closed);
        assertFalse(responding.closed || newWaiting.closed || newest.closed);
        assertEquals(3, table.size());
        assertFalse(table.update(oldWaiting, ConnectionTable.Stage.RESPONDING, 100), "it is gone");
    }

    @Test
    void whenAllAreRespondingTheOldestIsClosed() {
        ConnectionTable<Connection> table = new ConnectionTable<>(2);
        Connection first = new Connection();
        Connection second = new Connection();
        table.add(first, 100);
        table.add(second, 100);
        table.update(first, ConnectionTable.Stage.RESPONDING, 100);
        table.update(second, ConnectionTable.Stage.RESPONDING, 100);
        assertSame(first, table.add(new Connection(), 100));
        assertEquals(2, table.size());
    }

    @Test
    void connectionsPastTheirDeadlineAreClosed() {
        ConnectionTable<Connection> table = new ConnectionTable<>(10);
        Connection early = new Connection();
        Connection late = new Connection();
        table.add(early, 100);
        table.add(late, 200);
        assertEquals(0, table.expire(100));
        assertEquals(1, table.expire(101));
        assertTrue(early.closed);
        assertFalse(late.closed);
        table.update(late, ConnectionTable.Stage.RESPONDING, 300);
        assertEquals(0, table.expire(250), "the deadline moved with the stage");
        table.closeAll();
        assertTrue(late.closed);
        assertEquals(0, table.size());
    }

    @Test
    void deadlinesCompareAcrossTheNanoClocksWrap() {
        ConnectionTable<Connection> table = new ConnectionTable<>(10);
        Connection connection = new Connection();
        table.add(connection, Long.MIN_VALUE + 5);
        assertEquals(0, table.expire(Long.MAX_VALUE - 5));
        assertEquals(1, table.expire(Long.MIN_VALUE + 6));
    }
}
