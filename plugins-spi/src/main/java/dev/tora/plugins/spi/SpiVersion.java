package dev.tora.plugins.spi;

/**
 * Version of the plugin contract, independent of the host's version.
 *
 * <p>The contract only grows by {@code default} methods; {@link #CURRENT} goes up by one with each
 * addition so a plugin can tell which optional host services exist.
 */
public final class SpiVersion {

    /** The SPI version this jar defines. */
    public static final int CURRENT = 1;

    private SpiVersion() {
    }
}
