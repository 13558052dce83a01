package dev.tora.core.infrastructure.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.plugins.spi.ToraPlugin;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginClassLoaderTest {

    private static final String SERVICES = "META-INF/services/" + ToraPlugin.class.getName();

    @TempDir
    Path dir;

    private final ClassLoader host = PluginClassLoaderTest.class.getClassLoader();

    @Test
    void jarsAreTheFoldersJarFilesSortedByName() throws IOException {
        Files.write(dir.resolve("b.jar"), new byte[0]);
        Files.write(dir.resolve("a.JAR"), new byte[0]);
        Files.write(dir.resolve("notes.txt"), new byte[0]);
        Files.createDirectory(dir.resolve("c.jar"));

        assertEquals(List.of(dir.resolve("a.JAR"), dir.resolve("b.jar")),
                PluginClassLoader.jarsIn(dir));
    }

    @Test
    void corruptJarIsRefusedWithItsPath() throws IOException {
        Path jar = TestPluginJars.corruptJar(dir.resolve("x.jar"));

        IOException e = assertThrows(IOException.class,
                () -> new PluginClassLoader(dir, List.of(jar), host).close());
        assertTrue(e.getMessage().contains(jar.toString()), e.getMessage());
    }

    @Test
    void spiComesFromTheHostAndTheRestOfTheHostIsHidden() throws Exception {
        Path jar = TestPluginJars.exporterPluginJar(dir.resolve("p.jar"), "test.p.P", "p", "p",
                "\"\"");
        try (PluginClassLoader loader = new PluginClassLoader(dir, List.of(jar), host)) {
            assertSame(ToraPlugin.class, loader.loadClass(ToraPlugin.class.getName()));
            assertSame(String.class, loader.loadClass("java.lang.String"));
            assertSame(loader, loader.loadClass("test.p.P").getClassLoader());
            assertThrows(ClassNotFoundException.class,
                    () -> loader.loadClass(PluginLoader.class.getName()));
            assertThrows(ClassNotFoundException.class,
                    () -> loader.loadClass("jakarta.ejb.Singleton"));
            assertEquals(null, loader.getResource(
                    PluginLoader.class.getName().replace('.', '/') + ".class"));
            assertTrue(loader.getResource(
                    ToraPlugin.class.getName().replace('.', '/') + ".class") != null);
        }
    }

    @Test
    void servicesFilesComeOnlyFromThePluginsOwnJars() throws Exception {
        Path hostJar = TestPluginJars.exporterPluginJar(dir.resolve("host/host.jar"),
                "test.h.HostPlugin", "h", "h", "\"\"");
        Path jar = TestPluginJars.jar(dir.resolve("plugin/p.jar"), Map.of(), "test.p.Provider");
        try (URLClassLoader hostWithServices = new URLClassLoader(
                        new URL[] {hostJar.toUri().toURL()}, host);
                PluginClassLoader loader = new PluginClassLoader(jar.getParent(), List.of(jar),
                        hostWithServices)) {
            assertEquals(1, Collections.list(hostWithServices.getResources(SERVICES)).size());

            List<URL> seen = Collections.list(loader.getResources(SERVICES));
            assertEquals(1, seen.size());
            assertTrue(seen.get(0).toString().contains("p.jar"), seen.toString());
            assertEquals(seen.get(0), loader.getResource(SERVICES));
        }
    }
}
