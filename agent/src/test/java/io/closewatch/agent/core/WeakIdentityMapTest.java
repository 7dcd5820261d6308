package io.closewatch.agent.core;

import org.junit.jupiter.api.Test;

import java.lang.ref.WeakReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

class WeakIdentityMapTest {
    /** Equal to every other instance: the map must still keep them apart. */
    private static final class EqualToAll {
        @Override
        public boolean equals(Object other) {
            return other instanceof EqualToAll;
        }

        @Override
        public int hashCode() {
            return 1;
        }
    }

    @Test
    void keysAreComparedByIdentityNotEquals() {
        WeakIdentityMap<String> map = new WeakIdentityMap<>();
        Object a = new EqualToAll();
        Object b = new EqualToAll();
        assertNull(map.putIfAbsent(a, "a"));
        assertNull(map.putIfAbsent(b, "b"));
        assertEquals("a", map.get(a));
        assertEquals("b", map.get(b));
        assertSame("a", map.putIfAbsent(a, "again"));
        assertEquals("a", map.remove(a));
        assertNull(map.get(a));
        assertEquals(1, map.size());
    }

    @Test
    void doesNotKeepKeysAlive() throws InterruptedException {
        WeakIdentityMap<String> map = new WeakIdentityMap<>();
        Object key = new Object();
        WeakReference<Object> ref = new WeakReference<>(key);
        map.putIfAbsent(key, "value");
        key = null;
        for (int i = 0; i < 50 && (ref.get() != null || map.size() != 0); i++) {
            System.gc();
            Thread.sleep(20);
        }
        if (ref.get() != null) {
            fail("the map kept its key reachable");
        }
        assertEquals(0, map.size());
    }
}
