package dev.tora.core.infrastructure.plugin;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The class loader of one external plugin folder: its jars, the JDK, and the host's SPI packages,
 * nothing else of the host.
 *
 * <p>Classes and resources under {@code dev.tora.plugins.spi} come from the host's loader, so the
 * plugin and the host share one {@code ToraPlugin} type. Everything else is looked up in the
 * platform class loader (the JDK), then in the plugin's jars; Jakarta EE, Tora's core and the
 * application server stay invisible, so a plugin cannot depend on them by accident.
 * {@code META-INF/services/} files are looked up in the plugin's jars only, so that
 * {@link java.util.ServiceLoader} finds the plugin's providers and no one else's.
 */
public final class PluginClassLoader extends URLClassLoader {

    private static final String SPI_PACKAGE = "dev.tora.plugins.spi.";
    private static final String SPI_RESOURCES = "dev/tora/plugins/spi/";
    private static final String SERVICES = "META-INF/services/";

    static {
        registerAsParallelCapable();
    }

    private final Path folder;
    private final List<Path> jars;
    private final ClassLoader host;

    /**
     * A loader over {@code jars} of {@code folder}, sharing the SPI with {@code host}.
     *
     * @throws IOException if a jar cannot be opened as a zip file; the message names the jar
     */
    public PluginClassLoader(Path folder, List<Path> jars, ClassLoader host) throws IOException {
        super("plugin:" + folder.getFileName(), urlsOf(jars), ClassLoader.getPlatformClassLoader());
        this.folder = folder;
        this.jars = List.copyOf(jars);
        this.host = host;
    }

    /** Every {@code *.jar} file directly in {@code folder}, sorted by name. */
    public static List<Path> jarsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT)
                            .endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }

    /** The plugin's folder. */
    public Path folder() {
        return folder;
    }

    /** The plugin's jars, in class path order. */
    public List<Path> jars() {
        return jars;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SPI_PACKAGE)) {
            return host.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        if (name.startsWith(SPI_RESOURCES)) {
            return host.getResource(name);
        }
        if (name.startsWith(SERVICES)) {
            return findResource(name);
        }
        return super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (name.startsWith(SPI_RESOURCES)) {
            return host.getResources(name);
        }
        if (name.startsWith(SERVICES)) {
            return findResources(name);
        }
        return super.getResources(name);
    }

    @Override
    public String toString() {
        return "PluginClassLoader[" + folder + "]";
    }

    // URLClassLoader silently skips a jar it cannot open; opening each first makes that a failure.
    private static URL[] urlsOf(List<Path> jars) throws IOException {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            Path jar = jars.get(i);
            try (JarFile opened = new JarFile(jar.toFile())) {
                opened.getManifest();
            } catch (IOException e) {
                throw new IOException("not a readable jar: " + jar, e);
            }
            urls[i] = jar.toUri().toURL();
        }
        return urls;
    }
}
