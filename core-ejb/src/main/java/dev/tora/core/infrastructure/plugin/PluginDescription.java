package dev.tora.core.infrastructure.plugin;

/**
 * One row of the plugin list ({@code GET /api/plugins}).
 *
 * @param kind    what the row offers, such as {@code exporter}
 * @param name    its name within the kind, such as the format {@code csv}
 * @param plugin  the offering plugin's name
 * @param version the offering plugin's version
 * @param source  {@value PluginLoader#BUILTIN} or the plugin's folder
 */
public record PluginDescription(String kind, String name, String plugin, String version,
        String source) {
}
