package dev.tora.plugins.spi;

import java.util.List;

/**
 * Entry point of a plugin, found with {@link java.util.ServiceLoader} through
 * {@code META-INF/services/dev.tora.plugins.spi.ToraPlugin}.
 *
 * <p>One entry method per plugin kind; every kind defaults to "none" so a plugin implements only
 * what it offers. Kinds still to come (recommenders, auth providers) are added as default methods.
 */
public interface ToraPlugin {

    /** Unique, stable name of the plugin, such as {@code exporter-csv}. */
    String name();

    /** Version of the plugin itself, shown in the plugin list. */
    default String version() {
        return "unversioned";
    }

    /** Exporters this plugin contributes; empty by default. */
    default List<ExporterFactory> exporterFactories() {
        return List.of();
    }
}
