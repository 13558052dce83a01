package dev.tora.core.infrastructure.plugin;

import dev.tora.plugins.spi.ToraPlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds plugin jars at test time: compiles Java sources against the plugin SPI with the JDK's
 * compiler and writes the classes, with a {@code ToraPlugin} services file, into a jar.
 */
public final class TestPluginJars {

    private static final String SERVICES_FILE = "META-INF/services/" + ToraPlugin.class.getName();

    private TestPluginJars() {
    }

    /**
     * Compiles {@code sources} (fully qualified class name to source text) and writes them into
     * {@code jar}, with a services file naming {@code providers}; returns {@code jar}.
     */
    public static Path jar(Path jar, Map<String, String> sources, String... providers)
            throws IOException {
        Path work = Files.createTempDirectory("tora-test-plugin");
        try {
            Path classes = compile(work, sources);
            write(jar, classes, List.of(providers));
        } finally {
            deleteTree(work);
        }
        return jar;
    }

    /** Builds {@code jar} holding one {@link #exporterPlugin} and its services file. */
    public static Path exporterPluginJar(Path jar, String className, String pluginName,
            String format, String output) throws IOException {
        return jar(jar, Map.of(className, exporterPlugin(className, pluginName, format, output)),
                className);
    }

    /**
     * Source of plugin class {@code className}, named {@code pluginName}, version
     * {@code 1.0-test}, offering format {@code format} whose exporter writes {@code output}, a Java
     * expression, in UTF-8. The expression may use {@code experiment} and the class's static
     * helpers {@code visible(className)} ("visible" or "hidden" to the plugin's code) and
     * {@code contextLoader()} ("plugin" when the context class loader is the plugin's).
     */
    public static String exporterPlugin(String className, String pluginName, String format,
            String output) {
        int dot = className.lastIndexOf('.');
        return """
                package $PACKAGE;

                import dev.tora.plugins.spi.*;
                import java.io.IOException;
                import java.io.OutputStream;
                import java.nio.charset.StandardCharsets;
                import java.util.List;
                import java.util.Map;

                public class $CLASS implements ToraPlugin {
                    public String name() { return "$PLUGIN"; }
                    public String version() { return "1.0-test"; }
                    public List<ExporterFactory> exporterFactories() {
                        return List.of(new ExporterFactory() {
                            public String name() { return "$FORMAT"; }
                            public Exporter create(Map<String, String> config, PluginContext context) {
                                String createdWith = contextLoader();
                                return new Exporter() {
                                    public String mediaType() { return "text/plain"; }
                                    public String fileExtension() { return "txt"; }
                                    public void export(ExperimentView experiment, OutputStream out)
                                            throws IOException {
                                        out.write(String.valueOf($OUTPUT).getBytes(StandardCharsets.UTF_8));
                                    }
                                };
                            }
                        });
                    }
                    public static String visible(String name) {
                        try {
                            Class.forName(name);
                            return "visible";
                        } catch (ClassNotFoundException e) {
                            return "hidden";
                        }
                    }
                    public static String contextLoader() {
                        return Thread.currentThread().getContextClassLoader()
                                == $CLASS.class.getClassLoader() ? "plugin" : "other";
                    }
                }
                """
                .replace("$PACKAGE", className.substring(0, dot))
                .replace("$CLASS", className.substring(dot + 1))
                .replace("$PLUGIN", pluginName)
                .replace("$FORMAT", format)
                .replace("$OUTPUT", output);
    }

    /** Writes random bytes named {@code file}: a "jar" that is not a zip. */
    public static Path corruptJar(Path file) throws IOException {
        byte[] bytes = new byte[512];
        new Random(1).nextBytes(bytes);
        return Files.write(file, bytes);
    }

    private static Path compile(Path work, Map<String, String> sources) throws IOException {
        Path classes = Files.createDirectories(work.resolve("classes"));
        if (sources.isEmpty()) {
            // A jar with a services file only, naming a class that is not there.
            return classes;
        }
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = work.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            files.add(Files.writeString(file, source.getValue()));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("these tests need a JDK, not a JRE");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(
                diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "17", "-proc:none", "-encoding", "UTF-8",
                    "-classpath", spiClassPath(), "-d", classes.toString());
            boolean ok = compiler.getTask(null, fileManager, diagnostics, options, null,
                    fileManager.getJavaFileObjectsFromPaths(files)).call();
            if (!ok) {
                throw new IllegalStateException("plugin sources do not compile: "
                        + diagnostics.getDiagnostics());
            }
        }
        return classes;
    }

    // Where the SPI classes are: target/classes in the reactor, a jar otherwise.
    private static String spiClassPath() {
        try {
            return Path.of(ToraPlugin.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path jar, Path classes, List<String> providers) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        Files.createDirectories(jar.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path c : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(c));
                out.closeEntry();
            }
            if (!providers.isEmpty()) {
                out.putNextEntry(new JarEntry(SERVICES_FILE));
                out.write((String.join("\n", providers) + "\n").getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
