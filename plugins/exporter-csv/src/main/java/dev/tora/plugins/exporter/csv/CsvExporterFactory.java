package dev.tora.plugins.exporter.csv;

import dev.tora.plugins.spi.Exporter;
import dev.tora.plugins.spi.ExporterFactory;
import dev.tora.plugins.spi.PluginContext;
import java.util.Map;

/** Factory of the {@code csv} format; it takes no settings. */
final class CsvExporterFactory implements ExporterFactory {

    @Override
    public String name() {
        return "csv";
    }

    @Override
    public Exporter create(Map<String, String> config, PluginContext context) {
        return new CsvExporter();
    }
}
