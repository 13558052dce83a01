package dev.tora.plugins.spi;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one experiment, with every point of every series, in one file format. */
public interface Exporter {

    /** Media type of the output, such as {@code text/csv}. */
    String mediaType();

    /** File extension without the dot, such as {@code csv}. */
    String fileExtension();

    /**
     * Streams the experiment to {@code out}. Implementations must not buffer whole series: the
     * host hands points over one at a time so that memory stays constant.
     */
    void export(ExperimentView experiment, OutputStream out) throws IOException;
}
