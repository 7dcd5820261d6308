package io.closewatch.agent.instrumentation;

/** In which class loaders a module's types can be at all, so that the costlier type matches run only there. */
public interface LoaderMatch {
    /** @param loader null for the bootstrap loader */
    boolean matches(ClassLoader loader);

    static LoaderMatch any() {
        return Any.INSTANCE;
    }

    /** In loaders this matches and {@code other} does not. */
    default LoaderMatch butNot(LoaderMatch other) {
        return new ButNot(this, other);
    }

    /** Every loader. (Not a lambda: those cost the JVM a generated class while the host starts.) */
    final class Any implements LoaderMatch {
        private static final Any INSTANCE = new Any();

        @Override
        public boolean matches(ClassLoader loader) {
            return true;
        }
    }

    /** One match but not another. */
    record ButNot(LoaderMatch wanted, LoaderMatch unwanted) implements LoaderMatch {
        @Override
        public boolean matches(ClassLoader loader) {
            return wanted.matches(loader) && !unwanted.matches(loader);
        }
    }
}
