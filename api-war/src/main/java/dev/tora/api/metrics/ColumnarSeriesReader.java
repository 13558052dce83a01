package dev.tora.api.metrics;

import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.metric.MetricRules;
import dev.tora.core.domain.metric.SeriesWrite;
import jakarta.json.stream.JsonParser.Event;
import java.util.Arrays;

/**
 * Reads the columnar form {@code [{"name", "steps", "values", "timestamps", "metadata"?}...]}
 * that Tora's clients send: parallel arrays, null entries meaning "assign on the server".
 */
final class ColumnarSeriesReader {

    private final BatchJsonParser parser;
    private final SeriesAccumulator points;

    ColumnarSeriesReader(BatchJsonParser parser, SeriesAccumulator points) {
        this.parser = parser;
        this.points = points;
    }

    void readAll() {
        int index = 0;
        Event e;
        while ((e = parser.next()) != Event.END_ARRAY) {
            String at = "series[" + index + "]";
            MetricBatchReader.expect(e, Event.START_OBJECT, at, "must be an object {name, steps, values, timestamps}");
            readOne(at);
            index++;
        }
    }

    private void readOne(String at) {
        String name = null;
        long[] steps = null;
        double[] values = null;
        long[] timestamps = null;
        String[] metadata = null;
        while (parser.next() != Event.END_OBJECT) {
            String key = parser.getString();
            Event e = parser.next();
            String field = at + "." + key;
            switch (key) {
                case "name" -> {
                    MetricBatchReader.expect(e, Event.VALUE_STRING, field, "must be a string");
                    name = MetricRules.name(parser.getString(), field);
                }
                case "steps" -> steps = longs(e, field, true);
                case "timestamps" -> timestamps = longs(e, field, false);
                case "values" -> values = doubles(e, field);
                case "metadata" -> metadata = objects(e, field);
                default -> throw ToraException.invalidField(field,
                        "is not a known field; a series has name, steps, values, timestamps, metadata");
            }
        }
        if (name == null) {
            throw ToraException.invalidField(at + ".name", "is required");
        }
        if (values == null) {
            throw ToraException.invalidField(at + ".values", "is required");
        }
        sameLength(steps, values.length, at + ".steps");
        sameLength(timestamps, values.length, at + ".timestamps");
        sameLength(metadata, values.length, at + ".metadata");
        for (int i = 0; i < values.length; i++) {
            points.add(name, steps == null ? SeriesWrite.AUTO_STEP : steps[i], values[i],
                    timestamps == null ? SeriesWrite.AUTO_TIME : timestamps[i], metadata == null ? null : metadata[i]);
        }
    }

    private long[] longs(Event start, String field, boolean isStep) {
        if (start == Event.VALUE_NULL) {
            return null;
        }
        MetricBatchReader.expect(start, Event.START_ARRAY, field, "must be a list of integers");
        long[] out = new long[64];
        int n = 0;
        Event e;
        while ((e = parser.next()) != Event.END_ARRAY) {
            long v;
            if (e == Event.VALUE_NULL) {
                v = isStep ? SeriesWrite.AUTO_STEP : SeriesWrite.AUTO_TIME;
            } else {
                v = isStep ? Values.step(parser, e, field, n) : Values.timestamp(parser, e, field, n);
            }
            out = grow(out, n);
            out[n++] = v;
            checkCount(n, field);
        }
        return Arrays.copyOf(out, n);
    }

    private double[] doubles(Event start, String field) {
        MetricBatchReader.expect(start, Event.START_ARRAY, field, "must be a list of numbers");
        double[] out = new double[64];
        int n = 0;
        Event e;
        while ((e = parser.next()) != Event.END_ARRAY) {
            double v = Values.value(parser, e, field, n);
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n++] = v;
            checkCount(n, field);
        }
        return Arrays.copyOf(out, n);
    }

    private String[] objects(Event start, String field) {
        if (start == Event.VALUE_NULL) {
            return null;
        }
        MetricBatchReader.expect(start, Event.START_ARRAY, field, "must be a list of objects or nulls");
        String[] out = new String[16];
        int n = 0;
        Event e;
        while ((e = parser.next()) != Event.END_ARRAY) {
            if (n == out.length) {
                out = Arrays.copyOf(out, n * 2);
            }
            out[n] = Values.metadata(parser, e, field, n);
            n++;
            checkCount(n, field);
        }
        return Arrays.copyOf(out, n);
    }

    private void checkCount(int n, String field) {
        if (points.total() + n > MetricRules.MAX_POINTS_PER_BATCH) {
            throw ToraException.tooLarge(field, "a batch holds at most " + MetricRules.MAX_POINTS_PER_BATCH
                    + " points", MetricRules.MAX_POINTS_PER_BATCH);
        }
    }

    private static long[] grow(long[] a, int n) {
        return n == a.length ? Arrays.copyOf(a, n * 2) : a;
    }

    private static void sameLength(Object array, int expected, String field) {
        if (array == null) {
            return;
        }
        int length = java.lang.reflect.Array.getLength(array);
        if (length != expected) {
            throw ToraException.invalidField(field, "has " + length + " entries but values has " + expected);
        }
    }
}
