package dev.tora.plugins.exporter.csv;

import dev.tora.plugins.spi.ExporterFactory;
import dev.tora.plugins.spi.ToraPlugin;
import java.util.List;

/** Built-in plugin {@code exporter-csv}: offers the {@code csv} export format. */
public final class CsvExporterPlugin implements ToraPlugin {

    /** Public no-argument constructor, as {@link java.util.ServiceLoader} requires. */
    public CsvExporterPlugin() {
    }

    @Override
    public String name() {
        return "exporter-csv";
    }

    /** The jar manifest's Implementation-Version; "unversioned" when run from classes. */
    @Override
    public String version() {
        String version = CsvExporterPlugin.class.getPackage().getImplementationVersion();
        return version != null ? version : "unversioned";
    }

    @Override
    public List<ExporterFactory> exporterFactories() {
        return List.of(new CsvExporterFactory());
    }
}
