package dev.tora.core.infrastructure.plugin;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the plugin loader found: the plugins that loaded, the export formats they offer, and what
 * failed to load.
 *
 * <p>Duplicates: the first plugin loaded with a given name, and the first exporter loaded for a
 * given format, win; each later one is left out and recorded as a failure "duplicate ...
 * ignored". Built-in plugins load before external ones, and external folders load in name order,
 * so built-ins win over external plugins, and among external plugins the folder first by name
 * wins. A plugin that loses only a format stays loaded with its other formats.
 *
 * <p>Closing the catalog closes the external plugins' class loaders (and their jar files); no
 * plugin may be used after that.
 *
 * @param plugins   the loaded plugins, built-ins first
 * @param exporters the available export formats, one entry per format
 * @param failures  plugins, folders and formats that were not loaded, with the reason
 */
public record PluginCatalog(List<LoadedPlugin> plugins, List<ExporterEntry> exporters,
        List<PluginFailure> failures) implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PluginCatalog.class.getName());

    /** Copies the lists. */
    public PluginCatalog {
        plugins = List.copyOf(plugins);
        exporters = List.copyOf(exporters);
        failures = List.copyOf(failures);
    }

    /** The exporter of {@code format}, in any letter case. */
    public Optional<ExporterEntry> exporter(String format) {
        String wanted = format.toLowerCase(Locale.ROOT);
        return exporters.stream().filter(e -> e.format().equals(wanted)).findFirst();
    }

    /** One row per available extension (for now, per export format), for the plugin list. */
    public List<PluginDescription> describe() {
        List<PluginDescription> rows = new ArrayList<>();
        for (ExporterEntry e : exporters) {
            rows.add(new PluginDescription("exporter", e.format(), e.pluginName(),
                    e.pluginVersion(), e.source()));
        }
        return rows;
    }

    /** Closes the class loaders of external plugins. */
    @Override
    public void close() {
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        plugins.forEach(p -> loaders.add(p.loader()));
        for (ClassLoader loader : loaders) {
            if (loader instanceof PluginClassLoader pluginLoader) {
                try {
                    pluginLoader.close();
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "cannot close " + pluginLoader, e);
                }
            }
        }
    }
}
