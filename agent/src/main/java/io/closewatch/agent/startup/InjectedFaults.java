package io.closewatch.agent.startup;

/**
 * Faults the test suite injects through the system property {@value #PROPERTY} to prove that the host never
 * notices the agent failing: {@code record} makes every recording throw, {@code bridge} makes the bootstrap bridge
 * unavailable, {@code define} refuses defining it directly in the bootstrap loader (as a JDK might), so that it is
 * appended to the boot class path instead; and that the suite notices the agent miscounting: {@code late-double}
 * counts every close a second time, a moment late ({@link InjectedEvents}). Not a configuration key: nothing in
 * production sets it.
 * <p>
 * This class must not mention any bridge type: it is used before the bridge is in the bootstrap loader, and the
 * verifier would load such a type through the application loader, a second copy.
 */
public enum InjectedFaults {
    RECORD, BRIDGE, DEFINE, LATE_DOUBLE;

    static final String PROPERTY = "closewatch.test.fault";

    boolean isOn() {
        return name().replace('_', '-').equalsIgnoreCase(System.getProperty(PROPERTY, ""));
    }
}
