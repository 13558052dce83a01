package dev.tora.plugins.exporter.csv;

import dev.tora.plugins.spi.testing.TestExperiment;
import dev.tora.plugins.spi.testing.GeneratedSeries;
import dev.tora.plugins.spi.testing.ListSeries;
import dev.tora.plugins.spi.testing.LineCountingStream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.plugins.spi.testing.ListSeries.Point;
import dev.tora.plugins.spi.Exporter;
import dev.tora.plugins.spi.ExporterFactory;
import dev.tora.plugins.spi.PluginContext;
import dev.tora.plugins.spi.ToraPlugin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class CsvExporterTest {

    private static final long T0 = 1_700_000_000_123L;

    private final Exporter exporter = new CsvExporterFactory().create(Map.of(), null);

    @Test
    void pluginIsFoundByServiceLoaderAndOffersCsv() {
        ToraPlugin plugin = ServiceLoader.load(ToraPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("exporter-csv"))
                .findFirst().orElseThrow();
        List<ExporterFactory> factories = plugin.exporterFactories();
        assertEquals(1, factories.size());
        assertEquals("csv", factories.get(0).name());
        // Run from classes there is no manifest.
        assertEquals("unversioned", plugin.version());
        Exporter created = factories.get(0).create(Map.of(), (PluginContext) null);
        assertEquals("text/csv", created.mediaType());
        assertEquals("csv", created.fileExtension());
    }

    @Test
    void writesHeaderThenOneRowPerPointWithCrlf() throws IOException {
        String csv = export(TestExperiment.of("run-1",
                new ListSeries("acc", List.of(new Point(0, 0.5, T0, null))),
                new ListSeries("loss", List.of(new Point(1, 2.0, T0, null),
                        new Point(2, 1.5, T0 + 1000, "{}")))));

        assertEquals(CsvExporter.HEADER + "\r\n"
                + "0b6f3c2e-8d41-4f0a-9c3e-2a7d5e1f6b90,run-1,acc,0,0.5,1700000000123,"
                + "2023-11-14T22:13:20.123Z,\r\n"
                + "0b6f3c2e-8d41-4f0a-9c3e-2a7d5e1f6b90,run-1,loss,1,2.0,1700000000123,"
                + "2023-11-14T22:13:20.123Z,\r\n"
                + "0b6f3c2e-8d41-4f0a-9c3e-2a7d5e1f6b90,run-1,loss,2,1.5,1700000001123,"
                + "2023-11-14T22:13:21.123Z,{}\r\n", csv);
    }

    @Test
    void experimentWithoutSeriesIsHeaderOnly() throws IOException {
        assertEquals(CsvExporter.HEADER + "\r\n", export(TestExperiment.of("empty")));
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAndReadBack() throws IOException {
        String name = "run \"A\", take 2\r\nsecond line";
        String metric = "loss,val\n\"smoothed\"";
        String metadata = "{\"note\":\"a, b \\\"q\\\"\",\"lr\":0.1}";
        String bareCr = "cr\ronly é 日本";
        String csv = export(TestExperiment.of(name,
                new ListSeries(metric, List.of(new Point(7, 1.0, T0, metadata))),
                new ListSeries(bareCr, List.of(new Point(8, 2.0, T0, null)))));

        assertTrue(csv.contains("\"run \"\"A\"\", take 2\r\nsecond line\""), csv);
        List<List<String>> rows = CsvReader.parse(csv);
        assertEquals(3, rows.size());
        List<String> row = rows.get(1);
        assertEquals(8, row.size());
        assertEquals(name, row.get(1));
        assertEquals(metric, row.get(2));
        assertEquals(metadata, row.get(7));
        assertEquals(bareCr, rows.get(2).get(2));
    }

    @Test
    void nanAndInfinitiesAreWrittenAsJavaSpellsThem() throws IOException {
        String csv = export(TestExperiment.of("r", new ListSeries("m", List.of(
                new Point(0, Double.NaN, T0, null),
                new Point(1, Double.POSITIVE_INFINITY, T0, null),
                new Point(2, Double.NEGATIVE_INFINITY, T0, null)))));

        List<List<String>> rows = CsvReader.parse(csv);
        assertEquals("NaN", rows.get(1).get(4));
        assertEquals("Infinity", rows.get(2).get(4));
        assertEquals("-Infinity", rows.get(3).get(4));
    }

    @Test
    void doublesRoundTripToTheSameBits() throws IOException {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.1, 1.0 / 3, Math.PI,
                Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -1e-300, 1e21, 123456789.0,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            values.add(d);
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            points.add(new Point(i, values.get(i), T0 + i, null));
        }

        List<List<String>> rows =
                CsvReader.parse(export(TestExperiment.of("r", new ListSeries("m", points))));

        assertEquals(values.size() + 1, rows.size());
        for (int i = 0; i < values.size(); i++) {
            List<String> row = rows.get(i + 1);
            // doubleToLongBits folds every NaN to one pattern: NaN payloads are not kept.
            assertEquals(Double.doubleToLongBits(values.get(i)),
                    Double.doubleToLongBits(Double.parseDouble(row.get(4))), row.toString());
            assertEquals(i, Long.parseLong(row.get(3)));
            assertEquals(T0 + i, Long.parseLong(row.get(5)));
        }
    }

    @Test
    void millionPointsStreamThroughWithoutBeingHeld() throws IOException {
        LineCountingStream out = new LineCountingStream();
        GeneratedSeries series = new GeneratedSeries("m", 1_000_000, out::lines);

        exporter.export(TestExperiment.of("big", series), out);

        assertEquals(1, series.passes());
        assertEquals(1_000_000, series.handedOver());
        assertEquals(1_000_001, out.lines());
        // Only what fits in the writer's buffers may wait; a collecting exporter lags by millions.
        assertTrue(series.maxLag() < 10_000, "max lag " + series.maxLag());
    }

    private String export(TestExperiment experiment) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(experiment, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
