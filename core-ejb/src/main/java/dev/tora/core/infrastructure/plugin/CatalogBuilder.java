package dev.tora.core.infrastructure.plugin;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects plugins into a {@link PluginCatalog}, applying its first-loaded-wins duplicate rule. */
final class CatalogBuilder {

    private static final System.Logger LOG = System.getLogger(PluginLoader.class.getName());

    private final Map<String, LoadedPlugin> plugins = new LinkedHashMap<>();
    private final Map<String, ExporterEntry> exporters = new LinkedHashMap<>();
    private final List<PluginFailure> failures = new ArrayList<>();

    /**
     * Adds {@code plugin} and the formats it offers, leaving out what an earlier plugin took.
     *
     * @return whether the plugin was kept (false when its name was taken)
     */
    boolean add(LoadedPlugin plugin, List<ExporterEntry> offered) {
        LoadedPlugin winner = plugins.get(plugin.name());
        if (winner != null) {
            fail(new PluginFailure(plugin.source(), "duplicate plugin name '" + plugin.name()
                    + "' ignored: already loaded from " + winner.source()), null);
            return false;
        }
        plugins.put(plugin.name(), plugin);
        List<String> formats = new ArrayList<>();
        for (ExporterEntry entry : offered) {
            ExporterEntry taken = exporters.putIfAbsent(entry.format(), entry);
            if (taken == null) {
                formats.add(entry.format());
            } else {
                fail(new PluginFailure(plugin.source(), "duplicate exporter format '"
                        + entry.format() + "' of plugin '" + plugin.name() + "' ignored: already"
                        + " offered by plugin '" + taken.pluginName() + "' from " + taken.source()),
                        null);
            }
        }
        LOG.log(Level.INFO, "loaded plugin " + plugin.name() + " " + plugin.version() + " from "
                + plugin.source() + ", exporters " + formats);
        return true;
    }

    /** Records and logs a failure; {@code cause} may be null. */
    void fail(PluginFailure failure, Throwable cause) {
        failures.add(failure);
        LOG.log(Level.WARNING, "plugin not loaded from " + failure.source() + ": "
                + failure.message(), cause);
    }

    /** The catalog collected so far. */
    PluginCatalog build() {
        return new PluginCatalog(List.copyOf(plugins.values()), List.copyOf(exporters.values()),
                failures);
    }
}
