package dev.tora.plugins.exporter.jsonl;

import dev.tora.plugins.spi.ExperimentView;
import dev.tora.plugins.spi.Exporter;
import dev.tora.plugins.spi.SeriesView;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes an experiment as JSON Lines (UTF-8, one JSON object per LF-terminated line).
 *
 * <p>The first line is the experiment with every field of {@link ExperimentView}:
 * {@code {"type":"experiment","id":..,"workspace_id":..,"name":..,"description":..,"tags":[..],
 * "hyperparams":{..},"metadata":{..},"status":..,"visibility":..,"created_at":..,
 * "updated_at":..,"ended_at":..|null,"references":[..]}}, dates as ISO-8601 strings. Then, for
 * each series, {@code {"type":"series","name":..,"count":..}} followed by one line per point:
 * {@code {"type":"point","metric":..,"step":..,"value":..,"timestamp":..,"metadata":{..}}},
 * {@code timestamp} in milliseconds since the epoch and {@code metadata} left out when the point
 * has none. NaN and infinities are the strings {@code "NaN"}, {@code "Infinity"},
 * {@code "-Infinity"}.
 *
 * <p>Points are written as the series hands them over, so memory stays constant.
 */
final class JsonlExporter implements Exporter {

    @Override
    public String mediaType() {
        return "application/x-ndjson";
    }

    @Override
    public String fileExtension() {
        return "jsonl";
    }

    @Override
    public void export(ExperimentView experiment, OutputStream out) throws IOException {
        // Not closed: the stream belongs to the caller.
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        JsonWriter json = new JsonWriter(w);
        writeExperiment(json, experiment);
        for (SeriesView series : experiment.series()) {
            json.raw("{\"type\":\"series\"").member("name").string(series.name())
                    .member("count").raw(Long.toString(series.count())).raw("}\n");
            writePoints(json, series);
        }
        w.flush();
    }

    private static void writeExperiment(JsonWriter json, ExperimentView e) throws IOException {
        String metadata = e.metadataJson() == null || e.metadataJson().isBlank()
                ? "{}" : e.metadataJson();
        json.raw("{\"type\":\"experiment\"")
                .member("id").string(e.id())
                .member("workspace_id").string(e.workspaceId())
                .member("name").string(e.name())
                .member("description").string(e.description())
                .member("tags").strings(e.tags())
                .member("hyperparams").object(e.hyperparams())
                .member("metadata").embedded(metadata)
                .member("status").string(e.status())
                .member("visibility").string(e.visibility())
                .member("created_at").instant(e.createdAt())
                .member("updated_at").instant(e.updatedAt())
                .member("ended_at").instant(e.endedAt().orElse(null))
                .member("references").strings(e.references())
                .raw("}\n");
    }

    private static void writePoints(JsonWriter json, SeriesView series) throws IOException {
        // Hot path: the metric is escaped once per series, member names are constants.
        String prefix = "{\"type\":\"point\",\"metric\":" + JsonWriter.quote(series.name())
                + ",\"step\":";
        series.forEachPoint((step, value, timestampMs, metadataJson) -> {
            json.raw(prefix).raw(Long.toString(step))
                    .raw(",\"value\":").number(value)
                    .raw(",\"timestamp\":").raw(Long.toString(timestampMs));
            if (metadataJson != null) {
                json.raw(",\"metadata\":").embedded(metadataJson);
            }
            json.raw("}\n");
        });
    }
}
