package example.oldmicrometer;

/** A {@code Metrics} class without the Micrometer API around it, as a Micrometer the export cannot use would be. */
public final class Metrics {
    public static final Object globalRegistry = new Object();

    private Metrics() {
    }
}
