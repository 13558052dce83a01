package dev.tora.plugins.spi;

/** Services the host offers to every plugin. New services arrive as default methods. */
public interface PluginContext {

    /** Version of the Tora server running the plugin. */
    String hostVersion();

    /** The SPI version the host implements (see {@link SpiVersion}). */
    default int spiVersion() {
        return SpiVersion.CURRENT;
    }

    /** A logger for the plugin, named after it. */
    System.Logger logger();
}
