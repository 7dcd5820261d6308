package io.closewatch.containers;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the JDK of a given feature version for the forked host: {@code CLOSEWATCH_JAVA<N>_HOME}, else the running
 * JDK, else one under /usr/lib/jvm. Under CI a missing JDK fails the suite; elsewhere it skips it.
 */
final class JavaHomes {
    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private JavaHomes() {
    }

    static Path require(int feature) {
        Optional<Path> home = find(feature);
        String message = "no Java " + feature + " JDK: set CLOSEWATCH_JAVA" + feature + "_HOME";
        if (home.isEmpty() && System.getenv("CI") != null) {
            throw new AssertionError(message + " (required under CI)");
        }
        Assumptions.assumeTrue(home.isPresent(), message);
        return home.get();
    }

    static Optional<Path> find(int feature) {
        String configured = System.getenv("CLOSEWATCH_JAVA" + feature + "_HOME");
        if (configured != null) {
            return Optional.of(Path.of(configured)).filter(home -> featureOf(home) == feature);
        }
        Path running = Path.of(System.getProperty("java.home"));
        if (featureOf(running) == feature) {
            return Optional.of(running);
        }
        try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
            return homes.filter(home -> featureOf(home) == feature).sorted().findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The feature version in the JDK's {@code release} file, or -1. */
    static int featureOf(Path home) {
        try {
            Matcher matcher = VERSION.matcher(Files.readString(home.resolve("release")));
            return matcher.find() && Files.isExecutable(home.resolve("bin/java"))
                    ? Integer.parseInt(matcher.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        }
    }
}
