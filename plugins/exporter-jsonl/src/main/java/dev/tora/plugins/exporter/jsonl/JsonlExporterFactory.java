package dev.tora.plugins.exporter.jsonl;

import dev.tora.plugins.spi.Exporter;
import dev.tora.plugins.spi.ExporterFactory;
import dev.tora.plugins.spi.PluginContext;
import java.util.Map;

/** Factory of the {@code jsonl} format; it takes no settings. */
final class JsonlExporterFactory implements ExporterFactory {

    @Override
    public String name() {
        return "jsonl";
    }

    @Override
    public Exporter create(Map<String, String> config, PluginContext context) {
        return new JsonlExporter();
    }
}
