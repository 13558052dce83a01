package dev.tora.api.http;

import static dev.tora.core.domain.json.JsonP.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Collection;

/** Building response JSON the Tora way: {@code {"data": ...}}, non-finite numbers as strings. */
public final class JsonOut {

    private JsonOut() {
    }

    /** Wraps a value in {@code {"data": value}}. */
    public static JsonObject data(JsonValue value) {
        return JSON.createObjectBuilder().add("data", value).build();
    }

    /** A list: {@code {"data": [...], "next_cursor": c|null}}; null when the list is complete. */
    public static JsonObject page(JsonArrayBuilder items, String nextCursor) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("data", items);
        return nullable(b, "next_cursor", nextCursor).build();
    }

    /** A double as JSON: a number, or "NaN", "Infinity", "-Infinity". */
    public static JsonValue number(double v) {
        if (Double.isNaN(v)) {
            return JSON.createValue("NaN");
        }
        if (Double.isInfinite(v)) {
            return JSON.createValue(v > 0 ? "Infinity" : "-Infinity");
        }
        return JSON.createValue(v);
    }

    /** A nullable Double as JSON. */
    public static JsonValue number(Double v) {
        return v == null ? JsonValue.NULL : number(v.doubleValue());
    }

    /** A nullable Long as JSON. */
    public static JsonValue integer(Long v) {
        return v == null ? JsonValue.NULL : JSON.createValue(v);
    }

    /** Epoch milliseconds as an ISO-8601 instant, or null. */
    public static JsonValue instant(Long epochMillis) {
        return epochMillis == null ? JsonValue.NULL : JSON.createValue(Instant.ofEpochMilli(epochMillis).toString());
    }

    /** A list of strings. */
    public static JsonArrayBuilder strings(Collection<String> values) {
        JsonArrayBuilder b = JSON.createArrayBuilder();
        values.forEach(b::add);
        return b;
    }

    /** Adds a string or null. */
    public static JsonObjectBuilder nullable(JsonObjectBuilder b, String name, String value) {
        return value == null ? b.addNull(name) : b.add(name, value);
    }

    /** A Java scalar (String, Long, Double, Boolean, null) as JSON. */
    public static JsonValue scalar(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof String s) {
            return JSON.createValue(s);
        }
        if (value instanceof Long l) {
            return JSON.createValue(l);
        }
        if (value instanceof Double d) {
            return number(d.doubleValue());
        }
        if (value instanceof Boolean bool) {
            return bool ? JsonValue.TRUE : JsonValue.FALSE;
        }
        return JSON.createValue(value.toString());
    }
}
