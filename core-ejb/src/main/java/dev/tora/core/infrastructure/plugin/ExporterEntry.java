package dev.tora.core.infrastructure.plugin;

import dev.tora.plugins.spi.Exporter;
import dev.tora.plugins.spi.ExporterFactory;
import dev.tora.plugins.spi.PluginContext;
import java.util.Map;
import java.util.Objects;

/**
 * An export format that is available, and the plugin that offers it.
 *
 * @param format        the format name, as in {@code ?format=}
 * @param pluginName    the offering plugin's name
 * @param pluginVersion the offering plugin's version
 * @param source        {@value PluginLoader#BUILTIN} or the plugin's folder
 * @param factory       the plugin's factory
 * @param loader        the plugin's class loader
 */
public record ExporterEntry(String format, String pluginName, String pluginVersion, String source,
        ExporterFactory factory, ClassLoader loader) {

    /** Creates an exporter; it and every call on it run with the plugin's context class loader. */
    public Exporter create(Map<String, String> config, PluginContext context) {
        Exporter exporter = ContextClassLoader.call(loader, () -> factory.create(config, context));
        Objects.requireNonNull(exporter, () -> "plugin " + pluginName + " created no exporter");
        return new ContextualExporter(exporter, loader);
    }
}
