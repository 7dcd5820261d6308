package io.closewatch.agent.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HostDefaultsTest {
    @TempDir
    Path dir;

    @Test
    void aMainJarGivesReleaseFromItsManifestAndApplicationFromItsName() throws Exception {
        Path jar = jar("chat-server-1.4.2.jar", "2.0.0-rc1");
        HostDefaults defaults = HostDefaults.detect(jar + " --port 8080", null);
        assertEquals("2.0.0-rc1", defaults.release());
        assertEquals("chat-server", defaults.application());
    }

    @Test
    void aMainClassGivesItsSimpleNameAndTheVersionOfTheJarItIsIn() throws Exception {
        Path jar = jar("app.jar", "3.1");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            HostDefaults defaults = HostDefaults.detect("com.acme.ChatMain arg", loader);
            assertEquals("3.1", defaults.release());
            assertEquals("ChatMain", defaults.application());
        }
    }

    @Test
    void nothingKnownGivesUnknown() {
        assertEquals("unknown", HostDefaults.detect(null, null).release());
        assertEquals("unknown", HostDefaults.detect("", null).application());
        HostDefaults noManifest = HostDefaults.detect("com.acme.Main", ClassLoader.getSystemClassLoader());
        assertEquals("unknown", noManifest.release());
        assertEquals("Main", noManifest.application());
        assertEquals("unknown", HostDefaults.detect(dir.resolve("missing-1.0.jar").toString(), null).release());
    }

    @Test
    void jarNamesLoseTheirVersion() {
        assertEquals("demo-server", HostDefaults.applicationFromJar("demo-server-0.1.0-SNAPSHOT.jar"));
        assertEquals("app", HostDefaults.applicationFromJar("app.jar"));
        assertEquals("1.0", HostDefaults.applicationFromJar("1.0.jar"));
    }

    private Path jar(String name, String version) throws Exception {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, version);
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("com/acme/ChatMain.class"));
            out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
            out.closeEntry();
        }
        return jar;
    }
}
