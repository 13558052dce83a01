package dev.tora.plugins.exporter.jsonl;

import dev.tora.plugins.spi.testing.TestExperiment;
import dev.tora.plugins.spi.testing.GeneratedSeries;
import dev.tora.plugins.spi.testing.ListSeries;
import dev.tora.plugins.spi.testing.LineCountingStream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.plugins.spi.testing.ListSeries.Point;
import dev.tora.plugins.exporter.jsonl.MiniJson.Num;
import dev.tora.plugins.spi.Exporter;
import dev.tora.plugins.spi.ExporterFactory;
import dev.tora.plugins.spi.PluginContext;
import dev.tora.plugins.spi.ToraPlugin;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class JsonlExporterTest {

    private static final long T0 = 1_700_000_000_123L;

    private final Exporter exporter = new JsonlExporterFactory().create(Map.of(), null);

    @Test
    void pluginIsFoundByServiceLoaderAndOffersJsonl() {
        ToraPlugin plugin = ServiceLoader.load(ToraPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("exporter-jsonl"))
                .findFirst().orElseThrow();
        List<ExporterFactory> factories = plugin.exporterFactories();
        assertEquals(1, factories.size());
        assertEquals("jsonl", factories.get(0).name());
        assertEquals("unversioned", plugin.version());
        Exporter created = factories.get(0).create(Map.of(), (PluginContext) null);
        assertEquals("application/x-ndjson", created.mediaType());
        assertEquals("jsonl", created.fileExtension());
    }

    @Test
    void firstLineHoldsEveryExperimentField() throws IOException {
        Map<String, Object> hyperparams = new LinkedHashMap<>();
        hyperparams.put("lr", 0.001);
        hyperparams.put("epochs", 30L);
        hyperparams.put("optimizer", "adam");
        hyperparams.put("amsgrad", true);
        hyperparams.put("seed", null);
        hyperparams.put("momentum", Double.NaN);
        TestExperiment experiment = new TestExperiment("id-1", "ws-1", "run \"1\"", "first\ttry",
                List.of("a", "b,c"), hyperparams, "{\"git\": {\"sha\": \"abc\"},\n \"n\": [1, 2]}",
                "finished", "public", Instant.parse("2025-01-02T03:04:05Z"),
                Instant.parse("2025-01-02T04:00:00.5Z"),
                Optional.of(Instant.parse("2025-01-02T05:00:00Z")), List.of("id-0"), List.of());

        List<String> lines = lines(export(experiment));

        assertEquals(1, lines.size());
        Map<String, Object> e = object(lines.get(0));
        assertEquals(List.of("type", "id", "workspace_id", "name", "description", "tags",
                "hyperparams", "metadata", "status", "visibility", "created_at", "updated_at",
                "ended_at", "references"), new ArrayList<>(e.keySet()));
        assertEquals("experiment", e.get("type"));
        assertEquals("id-1", e.get("id"));
        assertEquals("ws-1", e.get("workspace_id"));
        assertEquals("run \"1\"", e.get("name"));
        assertEquals("first\ttry", e.get("description"));
        assertEquals(List.of("a", "b,c"), e.get("tags"));
        Map<String, Object> expectedParams = new LinkedHashMap<>();
        expectedParams.put("lr", new Num("0.001"));
        expectedParams.put("epochs", new Num("30"));
        expectedParams.put("optimizer", "adam");
        expectedParams.put("amsgrad", true);
        expectedParams.put("seed", null);
        expectedParams.put("momentum", "NaN");
        assertEquals(expectedParams, e.get("hyperparams"));
        assertEquals(Map.of("git", Map.of("sha", "abc"), "n", List.of(new Num("1"), new Num("2"))),
                e.get("metadata"));
        assertEquals("finished", e.get("status"));
        assertEquals("public", e.get("visibility"));
        assertEquals("2025-01-02T03:04:05Z", e.get("created_at"));
        assertEquals("2025-01-02T04:00:00.500Z", e.get("updated_at"));
        assertEquals("2025-01-02T05:00:00Z", e.get("ended_at"));
        assertEquals(List.of("id-0"), e.get("references"));
    }

    @Test
    void runningExperimentHasNullEndAndEmptyMetadataObject() throws IOException {
        Map<String, Object> e = object(lines(export(TestExperiment.of("r"))).get(0));
        assertTrue(e.containsKey("ended_at"));
        assertNull(e.get("ended_at"));
        assertEquals(Map.of(), e.get("metadata"));
    }

    @Test
    void eachSeriesLineIsFollowedByItsPoints() throws IOException {
        List<String> lines = lines(export(TestExperiment.of("r",
                new ListSeries("acc", List.of(new Point(0, 0.5, T0, null))),
                new ListSeries("loss", List.of(new Point(1, 2.0, T0, "{\"phase\":\"train\"}"),
                        new Point(2, 1.5, T0 + 1000, null))))));

        assertEquals(List.of(
                "{\"type\":\"series\",\"name\":\"acc\",\"count\":1}",
                "{\"type\":\"point\",\"metric\":\"acc\",\"step\":0,\"value\":0.5,"
                        + "\"timestamp\":1700000000123}",
                "{\"type\":\"series\",\"name\":\"loss\",\"count\":2}",
                "{\"type\":\"point\",\"metric\":\"loss\",\"step\":1,\"value\":2.0,"
                        + "\"timestamp\":1700000000123,\"metadata\":{\"phase\":\"train\"}}",
                "{\"type\":\"point\",\"metric\":\"loss\",\"step\":2,\"value\":1.5,"
                        + "\"timestamp\":1700000001123}"),
                lines.subList(1, lines.size()));
    }

    @Test
    void stringsAreEscapedAndStayOnOneLine() throws IOException {
        String metric = "loss \"val\"\\x,\n\r\t\u0001\u001f é 日本 \uD83D\uDE00";
        String lone = "bad \uD800 surrogate";
        String metadata = "{\"note\":\"a, b \\\"q\\\" \\n\"}";
        String out = export(TestExperiment.of(lone,
                new ListSeries(metric, List.of(new Point(3, 1.0, T0, metadata)))));

        List<String> lines = lines(out);
        assertEquals(3, lines.size(), out);
        assertTrue(lines.get(2).contains("\\u0001\\u001f"), lines.get(2));
        assertTrue(lines.get(0).contains("\\ud800"), lines.get(0));
        assertEquals(lone, object(lines.get(0)).get("name"));
        assertEquals(metric, object(lines.get(1)).get("name"));
        Map<String, Object> point = object(lines.get(2));
        assertEquals(metric, point.get("metric"));
        assertEquals(Map.of("note", "a, b \"q\" \n"), point.get("metadata"));
    }

    @Test
    void nonFiniteValuesAreStrings() throws IOException {
        List<String> lines = lines(export(TestExperiment.of("r", new ListSeries("m", List.of(
                new Point(0, Double.NaN, T0, null),
                new Point(1, Double.POSITIVE_INFINITY, T0, null),
                new Point(2, Double.NEGATIVE_INFINITY, T0, null))))));

        assertEquals("NaN", object(lines.get(2)).get("value"));
        assertEquals("Infinity", object(lines.get(3)).get("value"));
        assertEquals("-Infinity", object(lines.get(4)).get("value"));
    }

    @Test
    void doublesRoundTripToTheSameBits() throws IOException {
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, 0.1, 1.0 / 3, Math.PI,
                Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -1e-300, 1e21, 123456789.0));
        Random random = new Random(7);
        while (values.size() < 2000) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                values.add(d);
            }
        }
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            points.add(new Point(i, values.get(i), T0 + i, null));
        }

        List<String> lines = lines(export(TestExperiment.of("r", new ListSeries("m", points))));

        assertEquals(values.size() + 2, lines.size());
        for (int i = 0; i < values.size(); i++) {
            Map<String, Object> point = object(lines.get(i + 2));
            assertEquals(Double.doubleToRawLongBits(values.get(i)),
                    Double.doubleToRawLongBits(((Num) point.get("value")).doubleValue()),
                    lines.get(i + 2));
            assertEquals(new Num(Long.toString(i)), point.get("step"));
            assertEquals(new Num(Long.toString(T0 + i)), point.get("timestamp"));
            assertFalse(point.containsKey("metadata"));
        }
    }

    @Test
    void millionPointsStreamThroughWithoutBeingHeld() throws IOException {
        LineCountingStream out = new LineCountingStream();
        GeneratedSeries series = new GeneratedSeries("m", 1_000_000, out::lines);

        exporter.export(TestExperiment.of("big", series), out);

        assertEquals(1, series.passes());
        assertEquals(1_000_000, series.handedOver());
        assertEquals(1_000_002, out.lines());
        // Only what fits in the writer's buffers may wait; a collecting exporter lags by millions.
        assertTrue(series.maxLag() < 10_000, "max lag " + series.maxLag());
    }

    private String export(TestExperiment experiment) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.export(experiment, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The output's lines; each must end with LF. */
    private static List<String> lines(String out) {
        assertTrue(out.endsWith("\n"));
        return List.of(out.substring(0, out.length() - 1).split("\n", -1));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String line) {
        return (Map<String, Object>) MiniJson.parse(line);
    }
}
