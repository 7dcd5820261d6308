package io.closewatch.containers.host;

/**
 * A host that does nothing but live a moment and exit with status 3, to show that the agent, however it is
 * configured, lets a host start and exit exactly as it would without it.
 *
 * <p>Argument: how long to live, in milliseconds (long enough for the agent's endpoint to bind or fail to).
 */
public final class ExitingHost {
    static final int EXIT_STATUS = 3;

    private ExitingHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(Long.parseLong(args[0]));
        System.out.println("host ran");
        System.exit(EXIT_STATUS);
    }
}
