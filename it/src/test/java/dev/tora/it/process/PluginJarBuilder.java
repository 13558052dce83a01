package dev.tora.it.process;

import dev.tora.plugins.spi.ToraPlugin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles plugin sources against the SPI alone and packs them into a jar, as a third party would. */
final class PluginJarBuilder {

    private PluginJarBuilder() {
    }

    /**
     * Builds {@code jar} from {@code sources} (class name to Java source) with a services file
     * naming {@code providerClass}.
     */
    static void build(Path jar, Map<String, String> sources, String providerClass) throws IOException {
        Path work = Files.createTempDirectory("tora-plugin-src");
        Path classes = Files.createDirectories(work.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(), "-cp", spiJar()));
        for (Map.Entry<String, String> s : sources.entrySet()) {
            Path file = work.resolve(s.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, s.getValue());
            args.add(file.toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the test plugin does not compile");
        }
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            out.putNextEntry(new JarEntry("META-INF/services/" + ToraPlugin.class.getName()));
            write(out, providerClass + "\n");
            out.closeEntry();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String spiJar() {
        try {
            return Path.of(ToraPlugin.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
