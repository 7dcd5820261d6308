package io.closewatch.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The repository's files, and the external tools the stack tests run. */
final class Repository {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Repository() {
    }

    static Path root() {
        String root = System.getProperty("closewatch.it.repository");
        if (root == null) {
            throw new IllegalStateException("closewatch.it.repository is not set: run through Maven");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }

    static JsonNode json(String relative) throws IOException {
        return JSON.readTree(file(relative).toFile());
    }

    static JsonNode yaml(String relative) throws IOException {
        return YAML.readTree(file(relative).toFile());
    }

    /**
     * A command-line tool from the PATH. {@code .ci/run} installs the tools, so under CI a missing one fails the
     * test; elsewhere the test is skipped with a note on how to install it.
     */
    static Path tool(String name, String debianPackage) {
        Optional<Path> found = Optional.empty();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                found = Optional.of(candidate);
                break;
            }
        }
        String message = name + " is not installed: apt-get install -y " + debianPackage;
        if (found.isEmpty() && System.getenv("CI") != null) {
            throw new AssertionError(message + " (required under CI; .ci/run installs it)");
        }
        Assumptions.assumeTrue(found.isPresent(), message);
        return found.get();
    }
}
