package io.closewatch.agent.weaving;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Where the test advice of {@link HookWeaverTest} reports what it was given; public, as woven classes call it. */
public final class WeavingProbe {
    public static final List<List<Object>> SEEN = new CopyOnWriteArrayList<>();

    private WeavingProbe() {
    }

    public static void saw(Object... values) {
        SEEN.add(Arrays.asList(values));
    }
}
