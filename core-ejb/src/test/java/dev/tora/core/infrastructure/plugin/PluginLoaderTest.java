package dev.tora.core.infrastructure.plugin;

import dev.tora.plugins.spi.testing.TestExperiment;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.plugins.spi.Exporter;
import dev.tora.plugins.spi.PluginContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginLoaderTest {

    private static final PluginContext CONTEXT = new PluginContext() {
        @Override
        public String hostVersion() {
            return "test";
        }

        @Override
        public System.Logger logger() {
            return System.getLogger("test-plugin");
        }
    };

    @TempDir
    Path plugins;

    private final ClassLoader host = PluginLoaderTest.class.getClassLoader();
    private final PluginLoader loader = new PluginLoader();

    @Test
    void externalPluginLoadsAndItsExporterRunsInItsOwnLoader() throws IOException {
        Path folder = Files.createDirectory(plugins.resolve("hello"));
        TestPluginJars.exporterPluginJar(folder.resolve("hello.jar"), "test.hello.HelloPlugin",
                "hello", "hello-format",
                "\"hello \" + experiment.name() + \", created with \" + createdWith"
                        + " + \", exported with \" + contextLoader()");
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        try (PluginCatalog catalog = loader.loadExternal(plugins, host)) {
            assertEquals(List.of(), catalog.failures());
            LoadedPlugin plugin = catalog.plugins().get(0);
            assertEquals("hello", plugin.name());
            assertEquals("1.0-test", plugin.version());
            assertEquals(folder.toString(), plugin.source());
            assertTrue(plugin.loader() instanceof PluginClassLoader);

            Exporter exporter = catalog.exporter("hello-format").orElseThrow()
                    .create(Map.of(), CONTEXT);
            assertEquals("text/plain", exporter.mediaType());
            assertEquals("hello run-1, created with plugin, exported with plugin",
                    export(exporter));
        }
        assertSame(before, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void pluginSeesTheSpiAndTheJdkButNoOtherHostClass() throws IOException {
        Path folder = Files.createDirectory(plugins.resolve("peek"));
        TestPluginJars.exporterPluginJar(folder.resolve("peek.jar"), "test.peek.PeekPlugin",
                "peek", "peek", String.join(" + \",\" + ",
                        "visible(\"dev.tora.plugins.spi.SpiVersion\")",
                        "visible(\"java.sql.Connection\")",
                        "visible(\"dev.tora.core.infrastructure.plugin.PluginLoader\")",
                        "visible(\"jakarta.persistence.Entity\")",
                        "visible(\"org.junit.jupiter.api.Test\")"));

        try (PluginCatalog catalog = loader.loadExternal(plugins, host)) {
            Exporter exporter = catalog.exporter("peek").orElseThrow().create(Map.of(), CONTEXT);
            assertEquals("visible,visible,hidden,hidden,hidden", export(exporter));
        }
    }

    @Test
    void brokenFoldersAreReportedWithoutStoppingTheOthers() throws IOException {
        Path corrupt = Files.createDirectory(plugins.resolve("a-corrupt"));
        Path corruptJar = TestPluginJars.corruptJar(corrupt.resolve("x.jar"));
        Path throwingJar = sourcePlugin("b-throws", "test.boom.BoomPlugin", """
                public BoomPlugin() { throw new IllegalStateException("boom"); }
                public String name() { return "boom"; }
                """);
        Path throwing = throwingJar.getParent();
        Path good = Files.createDirectory(plugins.resolve("c-good"));
        TestPluginJars.exporterPluginJar(good.resolve("good.jar"), "test.good.GoodPlugin",
                "good", "good", "\"ok\"");
        Path missing = Files.createDirectory(plugins.resolve("d-missing-class"));
        TestPluginJars.jar(missing.resolve("missing.jar"), Map.of(), "test.nowhere.Missing");
        Path nameless = sourcePlugin("e-name-throws", "test.nameless.NamelessPlugin", """
                public String name() { throw new UnsupportedOperationException("no name"); }
                """).getParent();
        Path linkage = sourcePlugin("f-linkage", "test.linkage.LinkagePlugin", """
                public String name() { return "linkage"; }
                public List<ExporterFactory> exporterFactories() {
                    throw new NoClassDefFoundError("test/missing/Dependency");
                }
                """).getParent();
        Files.createDirectory(plugins.resolve("g-empty"));
        TestPluginJars.corruptJar(plugins.resolve("stray.jar"));

        try (PluginCatalog catalog = loader.loadExternal(plugins, host)) {
            assertEquals(List.of("good"),
                    catalog.plugins().stream().map(LoadedPlugin::name).toList());
            assertEquals("ok",
                    export(catalog.exporter("good").orElseThrow().create(Map.of(), CONTEXT)));

            List<PluginFailure> failures = catalog.failures();
            assertEquals(List.of(corrupt.toString(), throwing.toString(), missing.toString(),
                    nameless.toString(), linkage.toString(), plugins.resolve("g-empty").toString()),
                    failures.stream().map(PluginFailure::source).toList());
            assertMentions(failures.get(0), corrupt.toString(), corruptJar.toString(), "zip");
            assertMentions(failures.get(1), throwing.toString(), throwingJar.toString(),
                    "BoomPlugin", "IllegalStateException: boom");
            assertMentions(failures.get(2), missing.toString(), "test.nowhere.Missing");
            assertMentions(failures.get(3), nameless.toString(), "no name");
            assertMentions(failures.get(4), linkage.toString(),
                    "NoClassDefFoundError: test/missing/Dependency");
            assertMentions(failures.get(5), "no .jar");
        }
    }

    @Test
    void builtInsWinThenTheFirstFolderByName() throws IOException {
        Path builtInJar = TestPluginJars.exporterPluginJar(plugins.resolveSibling(
                plugins.getFileName() + "-lib").resolve("builtin.jar"), "test.b.BuiltIn", "dup",
                "fmt-a", "\"builtin\"");
        external("a-same-name", "test.a.SameName", "dup", "fmt-x");
        external("b-same-format", "test.b.SameFormat", "other-b", "fmt-a");
        external("c-first", "test.c.First", "ext", "fmt-c");
        external("d-same-name", "test.d.SameName", "ext", "fmt-d");
        external("e-same-format", "test.e.SameFormat", "ext-e", "fmt-c");

        try (URLClassLoader ear = new URLClassLoader(new URL[] {builtInJar.toUri().toURL()}, host);
                PluginCatalog catalog = loader.load(plugins, ear)) {
            assertEquals(List.of("dup:builtin", "other-b:" + plugins.resolve("b-same-format"),
                    "ext:" + plugins.resolve("c-first"),
                    "ext-e:" + plugins.resolve("e-same-format")),
                    catalog.plugins().stream().map(p -> p.name() + ":" + p.source()).toList());
            assertEquals(List.of(
                    new PluginDescription("exporter", "fmt-a", "dup", "1.0-test", "builtin"),
                    new PluginDescription("exporter", "fmt-c", "ext", "1.0-test",
                            plugins.resolve("c-first").toString())),
                    catalog.describe());
            assertEquals("builtin", export(catalog.exporter("FMT-A").orElseThrow()
                    .create(Map.of(), CONTEXT)));

            List<PluginFailure> failures = catalog.failures();
            assertEquals(4, failures.size(), failures.toString());
            assertEquals(plugins.resolve("a-same-name").toString(), failures.get(0).source());
            assertMentions(failures.get(0), "duplicate plugin name 'dup' ignored", "builtin");
            assertMentions(failures.get(1), "duplicate exporter format 'fmt-a'", "ignored",
                    "builtin");
            assertMentions(failures.get(2), "duplicate plugin name 'ext' ignored",
                    plugins.resolve("c-first").toString());
            assertMentions(failures.get(3), "duplicate exporter format 'fmt-c'", "ignored",
                    plugins.resolve("c-first").toString());
        }
    }

    @Test
    void missingPluginsFolderMeansBuiltInsOnly() {
        try (PluginCatalog catalog = loader.load(plugins.resolve("absent"), host)) {
            assertEquals(List.of(), catalog.plugins());
            assertEquals(List.of(), catalog.failures());
        }
    }

    /** A plugin folder whose jar holds plugin class {@code className} with {@code body}. */
    private Path sourcePlugin(String folder, String className, String body) throws IOException {
        int dot = className.lastIndexOf('.');
        String source = "package " + className.substring(0, dot) + ";\n"
                + "import dev.tora.plugins.spi.*;\n"
                + "import java.util.List;\n"
                + "public class " + className.substring(dot + 1) + " implements ToraPlugin {\n"
                + body + "}\n";
        Path dir = Files.createDirectory(plugins.resolve(folder));
        return TestPluginJars.jar(dir.resolve(folder + ".jar"), Map.of(className, source),
                className);
    }

    private void external(String folder, String className, String pluginName, String format)
            throws IOException {
        Path dir = Files.createDirectory(plugins.resolve(folder));
        TestPluginJars.exporterPluginJar(dir.resolve("plugin.jar"), className, pluginName, format,
                "\"" + folder + "\"");
    }

    private static String export(Exporter exporter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(TestExperiment.of("run-1"), out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void assertMentions(PluginFailure failure, String... parts) {
        for (String part : parts) {
            assertTrue(failure.message().contains(part), failure + " should mention " + part);
        }
    }
}
