package dev.tora.plugins.spi;

import java.util.Map;

/** A named factory for one export format. */
public interface ExporterFactory {

    /** Format name used in {@code ?format=}, lower case, such as {@code csv}. */
    String name();

    /**
     * Creates the exporter.
     *
     * @param config  settings for this format (keys {@code tora.plugins.<name>.*}, prefix removed)
     * @param context services the host offers to plugins
     */
    Exporter create(Map<String, String> config, PluginContext context);
}
