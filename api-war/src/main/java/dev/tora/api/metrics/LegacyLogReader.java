package dev.tora.api.metrics;

import dev.tora.api.http.Fields;
import dev.tora.api.http.JsonBodies;
import dev.tora.core.application.metric.LegacyLog;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.experiment.ExperimentRules;
import dev.tora.core.domain.metric.MetricRules;
import dev.tora.core.domain.metric.SeriesWrite;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads the original {@code tora} 0.0.12 SDK's {@code {"logs": [{name, msg_id, value, step, metadata}]}}. */
final class LegacyLogReader {

    private static final Set<String> FIELDS = Set.of("name", "msg_id", "value", "step", "metadata");

    private LegacyLogReader() {
    }

    static List<LegacyLog> read(InputStream body) {
        JsonValue json = JsonBodies.value(body, MetricRules.MAX_BATCH_BYTES);
        if (json == null || json.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ToraException.malformed("the body must be a JSON object {\"logs\": [...]}");
        }
        JsonObject object = json.asJsonObject();
        Fields.onlyKnown(object, Set.of("logs"));
        JsonValue logs = object.get("logs");
        if (logs == null || logs.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ToraException.invalidField("logs", "must be a list");
        }
        JsonArray array = logs.asJsonArray();
        if (array.size() > MetricRules.MAX_POINTS_PER_BATCH) {
            throw ToraException.tooLarge("logs", "a batch holds at most " + MetricRules.MAX_POINTS_PER_BATCH
                    + " points", MetricRules.MAX_POINTS_PER_BATCH);
        }
        List<LegacyLog> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(entry(array.get(i), "logs[" + i + "]"));
        }
        return out;
    }

    private static LegacyLog entry(JsonValue v, String at) {
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ToraException.invalidField(at, "must be an object");
        }
        JsonObject o = v.asJsonObject();
        for (String key : o.keySet()) {
            if (!FIELDS.contains(key)) {
                throw ToraException.invalidField(at + "." + key, "is not a known field");
            }
        }
        String name = MetricRules.name(string(o, "name", at), at + ".name");
        String msgId = o.get("msg_id") == null || o.isNull("msg_id") ? null
                : MetricRules.batchId(string(o, "msg_id", at), at + ".msg_id");
        double value = value(o.get("value"), at + ".value");
        long step = SeriesWrite.AUTO_STEP;
        JsonValue s = o.get("step");
        if (s != null && s.getValueType() != JsonValue.ValueType.NULL) {
            if (s.getValueType() != JsonValue.ValueType.NUMBER || !Fields.isLong((JsonNumber) s)) {
                throw ToraException.invalidField(at + ".step", "must be an integer");
            }
            step = MetricRules.step(((JsonNumber) s).longValueExact(), at + ".step");
        }
        String metadata = ExperimentRules.metadata(o.get("metadata"), at + ".metadata");
        if (metadata != null
                && metadata.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MetricRules.MAX_POINT_METADATA_BYTES) {
            throw ToraException.invalidField(at + ".metadata", "is larger than "
                    + MetricRules.MAX_POINT_METADATA_BYTES + " bytes");
        }
        return new LegacyLog(name, msgId, value, step, metadata);
    }

    private static String string(JsonObject o, String name, String at) {
        JsonValue v = o.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw ToraException.invalidField(at + "." + name, "must be a string");
        }
        return ((JsonString) v).getString();
    }

    private static double value(JsonValue v, String field) {
        if (v != null && v.getValueType() == JsonValue.ValueType.NUMBER) {
            double d = ((JsonNumber) v).doubleValue();
            if (!Double.isInfinite(d)) {
                return d;
            }
        }
        if (v != null && v.getValueType() == JsonValue.ValueType.STRING) {
            Double special = Values.nonFinite(((JsonString) v).getString());
            if (special != null) {
                return special;
            }
        }
        throw Values.notAValue(field);
    }
}
