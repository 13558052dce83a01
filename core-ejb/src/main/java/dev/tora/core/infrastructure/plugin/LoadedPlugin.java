package dev.tora.core.infrastructure.plugin;

import dev.tora.plugins.spi.ToraPlugin;

/**
 * A plugin that loaded.
 *
 * @param name    the plugin's name
 * @param version the plugin's version
 * @param source  {@value PluginLoader#BUILTIN} or the plugin's folder
 * @param plugin  the plugin's entry object
 * @param loader  the class loader its code runs with
 */
public record LoadedPlugin(String name, String version, String source, ToraPlugin plugin,
        ClassLoader loader) {
}
