package dev.tora.api.metrics;

import dev.tora.api.http.LimitedInputStream;
import dev.tora.core.application.metric.IncomingBatch;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.metric.MetricRules;
import dev.tora.core.domain.metric.SeriesWrite;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.NoSuchElementException;

/**
 * Reads a metric batch straight into primitive columns: the body (at most
 * {@link MetricRules#MAX_BATCH_BYTES}) is read whole, then walked by a {@link BatchJsonParser}.
 * Three shapes: {@code {"batch_id", "metrics": [point...]}}, a bare {@code [point...]}, and the
 * columnar {@code {"batch_id", "series": [{"name", "steps", "values", "timestamps", "metadata"?}]}}.
 * Every error names the point's index and field; nothing is kept from a bad batch.
 */
public final class MetricBatchReader {

    private final BatchJsonParser parser;
    private final SeriesAccumulator points = new SeriesAccumulator();

    private MetricBatchReader(byte[] body) {
        this.parser = new BatchJsonParser(body, body.length);
    }

    /** Parses a whole batch body. */
    public static IncomingBatch read(InputStream body) {
        MetricBatchReader reader = new MetricBatchReader(readAll(body));
        try {
            return reader.readBatch();
        } catch (JsonParsingException e) {
            throw ToraException.malformed("the body is not valid JSON: " + e.getMessage() + " at line "
                    + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber());
        } catch (NoSuchElementException | IllegalStateException e) {
            throw ToraException.malformed("the body is not valid JSON");
        }
    }

    private static byte[] readAll(InputStream body) {
        try (InputStream in = new LimitedInputStream(body, MetricRules.MAX_BATCH_BYTES, "body")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw ToraException.malformed("the body could not be read");
        }
    }

    private IncomingBatch readBatch() {
        if (!parser.hasNext()) {
            throw ToraException.malformed("the body is empty; send a JSON object or array of points");
        }
        Event first = parser.next();
        String batchId = null;
        if (first == Event.START_ARRAY) {
            readPointArray("");
        } else if (first == Event.START_OBJECT) {
            boolean sawPoints = false;
            while (parser.next() != Event.END_OBJECT) {
                String key = parser.getString();
                switch (key) {
                    case "batch_id" -> batchId = readBatchId();
                    case "metrics" -> {
                        expect(parser.next(), Event.START_ARRAY, "metrics", "must be a list of points");
                        readPointArray("metrics");
                        sawPoints = true;
                    }
                    case "series" -> {
                        expect(parser.next(), Event.START_ARRAY, "series", "must be a list of series");
                        new ColumnarSeriesReader(parser, points).readAll();
                        sawPoints = true;
                    }
                    default -> throw ToraException.invalidField(key,
                            "is not a known field; use batch_id with metrics or series");
                }
            }
            if (!sawPoints) {
                throw ToraException.invalidField("metrics", "is required (or series)");
            }
        } else {
            throw ToraException.malformed("the body must be a JSON object or array");
        }
        if (parser.hasNext()) {
            throw ToraException.malformed("unexpected content after the JSON body");
        }
        return new IncomingBatch(batchId, points.build(), points.total());
    }

    private String readBatchId() {
        Event e = parser.next();
        if (e == Event.VALUE_NULL) {
            return null;
        }
        expect(e, Event.VALUE_STRING, "batch_id", "must be a string");
        return MetricRules.batchId(parser.getString(), "batch_id");
    }

    private void readPointArray(String field) {
        int index = 0;
        Event e;
        while ((e = parser.next()) != Event.END_ARRAY) {
            String at = field + "[" + index + "]";
            expect(e, Event.START_OBJECT, at, "must be an object {name, value, step?, timestamp?, metadata?}");
            readPoint(at);
            index++;
            if (points.total() > MetricRules.MAX_POINTS_PER_BATCH) {
                throw ToraException.tooLarge(field.isEmpty() ? "body" : field, "a batch holds at most "
                        + MetricRules.MAX_POINTS_PER_BATCH + " points", MetricRules.MAX_POINTS_PER_BATCH);
            }
        }
    }

    private void readPoint(String at) {
        String name = null;
        double value = 0;
        boolean hasValue = false;
        long step = SeriesWrite.AUTO_STEP;
        long timestamp = SeriesWrite.AUTO_TIME;
        String metadata = null;
        while (parser.next() != Event.END_OBJECT) {
            String key = parser.getString();
            Event e = parser.next();
            switch (key) {
                case "name" -> {
                    expect(e, Event.VALUE_STRING, at + ".name", "must be a string");
                    name = MetricRules.name(parser.getString(), at + ".name");
                }
                case "value" -> {
                    value = Values.value(parser, e, at + ".value", Values.NO_INDEX);
                    hasValue = true;
                }
                case "step" -> step = e == Event.VALUE_NULL ? SeriesWrite.AUTO_STEP : Values.step(parser, e, at + ".step", Values.NO_INDEX);
                case "timestamp" -> timestamp = e == Event.VALUE_NULL ? SeriesWrite.AUTO_TIME
                        : Values.timestamp(parser, e, at + ".timestamp", Values.NO_INDEX);
                case "metadata" -> metadata = Values.metadata(parser, e, at + ".metadata", Values.NO_INDEX);
                default -> throw ToraException.invalidField(at + "." + key,
                        "is not a known field; a point has name, value, step, timestamp, metadata");
            }
        }
        if (name == null) {
            throw ToraException.invalidField(at + ".name", "is required");
        }
        if (!hasValue) {
            throw ToraException.invalidField(at + ".value", "is required");
        }
        points.add(name, step, value, timestamp, metadata);
    }

    static void expect(Event actual, Event expected, String field, String problem) {
        if (actual != expected) {
            throw ToraException.invalidField(field, problem);
        }
    }
}
