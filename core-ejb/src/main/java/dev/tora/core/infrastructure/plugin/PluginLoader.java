package dev.tora.core.infrastructure.plugin;

import dev.tora.plugins.spi.ExporterFactory;
import dev.tora.plugins.spi.ToraPlugin;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds plugins: the built-ins visible to the host's class loader, and one external plugin per
 * sub-folder of the plugins folder, each through its own {@link PluginClassLoader}.
 *
 * <p>Nothing a plugin does stops the others from loading: each failure becomes a
 * {@link PluginFailure}. An external folder loads all or nothing, and its failure names the
 * folder, its jars and the cause. Plugin code runs with the plugin's loader as the thread context
 * class loader. Duplicate names follow the rule in {@link PluginCatalog}.
 */
public final class PluginLoader {

    /** The source of plugins shipped with Tora. */
    public static final String BUILTIN = "builtin";

    private static final System.Logger LOG = System.getLogger(PluginLoader.class.getName());

    /** A plugin's answers, gathered before it joins the catalog. */
    private record Probed(LoadedPlugin plugin, List<ExporterEntry> exporters) {
    }

    /** The built-ins, then the external plugins of {@code pluginsDir}. */
    public PluginCatalog load(Path pluginsDir, ClassLoader hostLoader) {
        CatalogBuilder catalog = new CatalogBuilder();
        addBuiltIn(hostLoader, catalog);
        addExternal(pluginsDir, hostLoader, catalog);
        return catalog.build();
    }

    /** The plugins whose providers the host's loader sees (the EAR's lib/). */
    public PluginCatalog loadBuiltIn(ClassLoader hostLoader) {
        CatalogBuilder catalog = new CatalogBuilder();
        addBuiltIn(hostLoader, catalog);
        return catalog.build();
    }

    /** The plugins of each sub-folder of {@code pluginsDir}, in folder name order. */
    public PluginCatalog loadExternal(Path pluginsDir, ClassLoader hostLoader) {
        CatalogBuilder catalog = new CatalogBuilder();
        addExternal(pluginsDir, hostLoader, catalog);
        return catalog.build();
    }

    private void addBuiltIn(ClassLoader host, CatalogBuilder catalog) {
        ContextClassLoader.call(host, () -> {
            Iterator<ToraPlugin> providers = ServiceLoader.load(ToraPlugin.class, host).iterator();
            while (hasNext(providers, catalog)) {
                // ServiceLoader has moved past a provider that fails in next(), so go on.
                try {
                    Probed probed = probe(providers.next(), BUILTIN, host);
                    catalog.add(probed.plugin(), probed.exporters());
                } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
                    catalog.fail(PluginFailure.of(BUILTIN, "built-in plugin failed to load", e), e);
                }
            }
            return null;
        });
    }

    // If hasNext() itself throws, ServiceLoader may not have moved on: stop rather than loop.
    private static boolean hasNext(Iterator<ToraPlugin> providers, CatalogBuilder catalog) {
        try {
            return providers.hasNext();
        } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
            catalog.fail(PluginFailure.of(BUILTIN, "cannot list built-in plugins", e), e);
            return false;
        }
    }

    private void addExternal(Path pluginsDir, ClassLoader host, CatalogBuilder catalog) {
        if (!Files.exists(pluginsDir)) {
            LOG.log(Level.INFO, "no plugins folder " + pluginsDir + "; built-in plugins only");
            return;
        }
        List<Path> entries;
        try (Stream<Path> list = Files.list(pluginsDir)) {
            entries = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            catalog.fail(PluginFailure.of(pluginsDir.toString(),
                    "cannot list plugins folder " + pluginsDir, e), e);
            return;
        }
        for (Path entry : entries) {
            if (entry.getFileName().toString().startsWith(".")) {
                LOG.log(Level.DEBUG, "ignoring hidden " + entry);
            } else if (Files.isDirectory(entry)) {
                addFolder(entry, host, catalog);
            } else {
                LOG.log(Level.WARNING, "ignoring " + entry + ": a plugin's jars go in a sub-folder"
                        + " of " + pluginsDir + ", one sub-folder per plugin");
            }
        }
    }

    private void addFolder(Path folder, ClassLoader host, CatalogBuilder catalog) {
        String source = folder.toString();
        List<Path> jars = List.of();
        PluginClassLoader loader = null;
        try {
            jars = PluginClassLoader.jarsIn(folder);
            if (jars.isEmpty()) {
                catalog.fail(new PluginFailure(source, "plugin folder " + folder
                        + " holds no .jar file"), null);
                return;
            }
            loader = new PluginClassLoader(folder, jars, host);
            List<Probed> found = discover(loader, source);
            if (found.isEmpty()) {
                catalog.fail(new PluginFailure(source, "plugin folder " + folder + " (jars "
                        + jars + ") has no provider in META-INF/services/"
                        + ToraPlugin.class.getName()), null);
                closeQuietly(loader);
                return;
            }
            boolean kept = false;
            for (Probed probed : found) {
                kept |= catalog.add(probed.plugin(), probed.exporters());
            }
            if (!kept) {
                closeQuietly(loader);
            }
        } catch (Exception | ServiceConfigurationError | LinkageError e) {
            closeQuietly(loader);
            catalog.fail(PluginFailure.of(source, "plugin folder " + folder + " (jars " + jars
                    + ") failed to load", e), e);
        }
    }

    // Everything the folder offers is asked for before any of it joins the catalog: all or nothing.
    private static List<Probed> discover(PluginClassLoader loader, String source) {
        return ContextClassLoader.call(loader, () -> {
            List<Probed> found = new ArrayList<>();
            for (ToraPlugin plugin : ServiceLoader.load(ToraPlugin.class, loader)) {
                found.add(probe(plugin, source, loader));
            }
            return found;
        });
    }

    // Called with the plugin's context class loader already set.
    private static Probed probe(ToraPlugin plugin, String source, ClassLoader loader) {
        String name = required(plugin.name(), plugin, "name()");
        String version = plugin.version() == null ? "unversioned" : plugin.version();
        List<ExporterEntry> exporters = new ArrayList<>();
        for (ExporterFactory factory : plugin.exporterFactories()) {
            String format = required(factory.name(), factory, "name()").toLowerCase(Locale.ROOT);
            exporters.add(new ExporterEntry(format, name, version, source, factory, loader));
        }
        return new Probed(new LoadedPlugin(name, version, source, plugin, loader), exporters);
    }

    private static String required(String value, Object owner, String method) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(owner.getClass().getName() + "." + method
                    + " returned no name");
        }
        return value.strip();
    }

    private static void closeQuietly(PluginClassLoader loader) {
        if (loader == null) {
            return;
        }
        try {
            loader.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, "cannot close " + loader, e);
        }
    }
}
