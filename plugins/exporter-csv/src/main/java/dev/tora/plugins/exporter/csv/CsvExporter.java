package dev.tora.plugins.exporter.csv;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import dev.tora.plugins.spi.ExperimentView;
import dev.tora.plugins.spi.Exporter;
import dev.tora.plugins.spi.SeriesView;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes an experiment's points as one RFC 4180 table: UTF-8, CRLF line ends, a header row, then
 * one row per point with the columns of {@link #HEADER}.
 *
 * <p>The file holds point rows only, each carrying the experiment's id and name, so that any
 * spreadsheet or CSV reader opens it as a single table. The experiment's own fields (description,
 * tags, hyperparameters, metadata, status, visibility, dates, references) are not in the CSV: a
 * block of them before or between the rows would break that table. They are in the
 * {@code jsonl} export.
 *
 * <p>Values are written in {@link Double#toString(double)}'s format (shortest digits, by the
 * Schubfach algorithm), which parses back to the same bits and writes
 * {@code NaN}, {@code Infinity} and {@code -Infinity}; {@code timestamp} is milliseconds since the
 * epoch and {@code timestamp_iso} the same instant in ISO-8601 UTC; {@code metadata} is the
 * point's JSON object, empty when it has none. Fields are not altered to defuse spreadsheet
 * formulas, because that would change the data; it is quoted per RFC 4180 only.
 *
 * <p>Points are written as the series hands them over, so memory stays constant.
 */
final class CsvExporter implements Exporter {

    /** The header row's columns. */
    static final String HEADER =
            "experiment_id,experiment_name,metric,step,value,timestamp,timestamp_iso,metadata";

    private static final String CRLF = "\r\n";

    @Override
    public String mediaType() {
        return "text/csv";
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public void export(ExperimentView experiment, OutputStream out) throws IOException {
        // Not closed: the stream belongs to the caller.
        RowBuffer rows = new RowBuffer(out);
        rows.ascii(HEADER);
        rows.ascii(CRLF);
        String experimentFields =
                CsvFields.quote(experiment.id()) + ',' + CsvFields.quote(experiment.name()) + ',';
        for (SeriesView series : experiment.series()) {
            byte[] prefix = (experimentFields + CsvFields.quote(series.name()) + ',').getBytes(StandardCharsets.UTF_8);
            writeSeries(rows, prefix, series);
        }
        rows.flush();
    }

    private static void writeSeries(RowBuffer rows, byte[] rowPrefix, SeriesView series) throws IOException {
        IsoInstants iso = new IsoInstants();
        DecimalColumn steps = new DecimalColumn();
        DecimalColumn timestamps = new DecimalColumn();
        series.forEachPoint((step, value, timestampMs, metadataJson) -> {
            rows.bytes(rowPrefix);
            steps.write(step, rows);
            rows.ascii(',');
            rows.ascii(DoubleToDecimal.toString(value));
            rows.ascii(',');
            timestamps.write(timestampMs, rows);
            rows.ascii(',');
            iso.write(timestampMs, rows);
            rows.ascii(',');
            if (metadataJson != null) {
                rows.utf8(CsvFields.quote(metadataJson));
            }
            rows.ascii(CRLF);
        });
    }
}
