package dev.tora.plugins.exporter.jsonl;

import dev.tora.plugins.spi.ExporterFactory;
import dev.tora.plugins.spi.ToraPlugin;
import java.util.List;

/** Built-in plugin {@code exporter-jsonl}: offers the {@code jsonl} export format. */
public final class JsonlExporterPlugin implements ToraPlugin {

    /** Public no-argument constructor, as {@link java.util.ServiceLoader} requires. */
    public JsonlExporterPlugin() {
    }

    @Override
    public String name() {
        return "exporter-jsonl";
    }

    /** The jar manifest's Implementation-Version; "unversioned" when run from classes. */
    @Override
    public String version() {
        String version = JsonlExporterPlugin.class.getPackage().getImplementationVersion();
        return version != null ? version : "unversioned";
    }

    @Override
    public List<ExporterFactory> exporterFactories() {
        return List.of(new JsonlExporterFactory());
    }
}
