package dev.tora.core.infrastructure.plugin;

import dev.tora.plugins.spi.ExperimentView;
import dev.tora.plugins.spi.Exporter;
import java.io.IOException;
import java.io.OutputStream;

/** A plugin's exporter whose every call runs with the plugin's context class loader. */
final class ContextualExporter implements Exporter {

    private final Exporter delegate;
    private final ClassLoader loader;

    ContextualExporter(Exporter delegate, ClassLoader loader) {
        this.delegate = delegate;
        this.loader = loader;
    }

    @Override
    public String mediaType() {
        return ContextClassLoader.call(loader, delegate::mediaType);
    }

    @Override
    public String fileExtension() {
        return ContextClassLoader.call(loader, delegate::fileExtension);
    }

    @Override
    public void export(ExperimentView experiment, OutputStream out) throws IOException {
        ContextClassLoader.call(loader, () -> {
            delegate.export(experiment, out);
            return null;
        });
    }
}
