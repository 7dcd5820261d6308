package io.closewatch.agent.config;

import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URL;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * Release and application names of the host, derived from how it was started, without loading any of its classes:
 * the main jar's manifest {@code Implementation-Version} and file name, or the main class's name.
 */
public final class HostDefaults {
    static final String UNKNOWN = "unknown";

    private final String release;
    private final String application;

    HostDefaults(String release, String application) {
        this.release = release;
        this.application = application;
    }

    public String release() {
        return release;
    }

    public String application() {
        return application;
    }

    /** @param javaCommand the {@code sun.java.command} property: main class or jar, then the arguments */
    public static HostDefaults detect(String javaCommand, ClassLoader appLoader) {
        if (javaCommand == null || javaCommand.isBlank()) {
            return new HostDefaults(UNKNOWN, UNKNOWN);
        }
        String main = javaCommand.trim().split("\\s+", 2)[0];
        if (main.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            File jar = new File(main);
            return new HostDefaults(orUnknown(versionOf(jar)), applicationFromJar(jar.getName()));
        }
        String simpleName = main.substring(main.lastIndexOf('.') + 1);
        return new HostDefaults(orUnknown(versionOfClassJar(main, appLoader)), orUnknown(simpleName));
    }

    /** {@code chat-server-1.4.2.jar} becomes {@code chat-server}. */
    static String applicationFromJar(String fileName) {
        String name = fileName.substring(0, fileName.length() - ".jar".length());
        String withoutVersion = name.replaceFirst("-\\d[\\w.+-]*$", "");
        return orUnknown(withoutVersion.isEmpty() ? name : withoutVersion);
    }

    private static String versionOf(File jar) {
        if (!jar.isFile()) {
            return null;
        }
        try (JarFile file = new JarFile(jar, false)) {
            return implementationVersion(file.getManifest());
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static String versionOfClassJar(String mainClass, ClassLoader appLoader) {
        if (appLoader == null) {
            return null;
        }
        URL resource = appLoader.getResource(mainClass.replace('.', '/') + ".class");
        if (resource == null || !"jar".equals(resource.getProtocol())) {
            return null;
        }
        try {
            JarURLConnection connection = (JarURLConnection) resource.openConnection();
            connection.setUseCaches(false);
            try (JarFile file = connection.getJarFile()) {
                return implementationVersion(file.getManifest());
            }
        } catch (IOException | ClassCastException | SecurityException e) {
            return null;
        }
    }

    private static String implementationVersion(Manifest manifest) {
        return manifest == null ? null : manifest.getMainAttributes().getValue("Implementation-Version");
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value.trim();
    }
}
