package dev.tora.core.application.export;

import dev.tora.core.application.experiment.ExperimentDetails;
import dev.tora.core.application.experiment.ExperimentService;
import dev.tora.core.application.plugin.PluginRegistry;
import dev.tora.core.application.security.Caller;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.metric.MetricStore;
import dev.tora.core.infrastructure.plugin.ExporterEntry;
import dev.tora.plugins.spi.Exporter;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Exports an experiment in a format an exporter plugin provides. Access is checked and the
 * experiment read here; the points stream afterwards, a chunk at a time.
 */
@Stateless
public class ExportService {

    @Inject
    private ExperimentService experiments;

    @Inject
    private MetricStore store;

    @Inject
    private PluginRegistry plugins;

    /** Prepares the export; nothing is written until {@link PreparedExport#writeTo} runs. */
    public PreparedExport prepare(Caller caller, String experimentId, String format) {
        ExperimentDetails details = experiments.get(caller, experimentId);
        String wanted = format == null ? "" : format.toLowerCase(Locale.ROOT);
        ExporterEntry entry = plugins.catalog().exporter(wanted).orElseThrow(() -> ToraException.invalidField(
                "format", "must be one of " + plugins.catalog().exporters().stream().map(ExporterEntry::format)
                        .sorted().collect(Collectors.joining(", "))));
        Exporter exporter = entry.create(plugins.settingsOf(entry.format()), plugins.contextFor(entry.pluginName()));
        List<MetricStore.StoredSeries> series = store.list(details.id());
        ExperimentSnapshot view = new ExperimentSnapshot(details, series, store);
        return new PreparedExport(exporter.mediaType(), fileName(details, exporter.fileExtension()), exporter, view);
    }

    private static String fileName(ExperimentDetails e, String extension) {
        String base = e.name().replaceAll("[^A-Za-z0-9._-]+", "_");
        if (base.length() > 80) {
            base = base.substring(0, 80);
        }
        return base + "-" + e.id().substring(0, 8) + "." + extension;
    }

    /** An export ready to stream. */
    public record PreparedExport(String mediaType, String fileName, Exporter exporter, ExperimentSnapshot view) {

        /** Streams the experiment to {@code out}. */
        public void writeTo(OutputStream out) throws java.io.IOException {
            exporter.export(view, out);
        }
    }
}
