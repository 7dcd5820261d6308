package io.closewatch.agent.core;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent map keyed by object identity that does not keep its keys alive. Sessions belong to the host (often
 * to a web application's class loader): holding them strongly would leak them, and comparing them with
 * {@code equals} would trust code we do not own.
 */
public final class WeakIdentityMap<V> {
    private final ConcurrentHashMap<Object, V> map = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    public V get(Object key) {
        expungeCollected();
        return map.get(new LookupKey(key));
    }

    /** @return the value already present, or null when {@code value} was added */
    public V putIfAbsent(Object key, V value) {
        expungeCollected();
        return map.putIfAbsent(new WeakKey(key, collected), value);
    }

    public V remove(Object key) {
        return map.remove(new LookupKey(key));
    }

    public int size() {
        expungeCollected();
        return map.size();
    }

    private void expungeCollected() {
        Object ref;
        while ((ref = collected.poll()) != null) {
            map.remove(ref);
        }
    }

    private interface IdentityKey {
        Object referent();
    }

    private static boolean sameReferent(IdentityKey self, Object other) {
        if (self == other) {
            return true;
        }
        if (!(other instanceof IdentityKey)) {
            return false;
        }
        Object referent = self.referent();
        return referent != null && referent == ((IdentityKey) other).referent();
    }

    private static final class WeakKey extends WeakReference<Object> implements IdentityKey {
        private final int hash;

        WeakKey(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public Object referent() {
            return get();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return sameReferent(this, other);
        }
    }

    private static final class LookupKey implements IdentityKey {
        private final Object referent;

        LookupKey(Object referent) {
            this.referent = referent;
        }

        @Override
        public Object referent() {
            return referent;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object other) {
            return sameReferent(this, other);
        }
    }
}
