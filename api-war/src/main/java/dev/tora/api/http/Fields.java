package dev.tora.api.http;

import dev.tora.core.domain.error.ToraException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Typed reads of request fields that name the field when its type is wrong. */
public final class Fields {

    private Fields() {
    }

    /** Fails when {@code body} has a member not in {@code allowed}, so typos do not pass silently. */
    public static void onlyKnown(JsonObject body, Set<String> allowed) {
        for (String key : body.keySet()) {
            if (!allowed.contains(key)) {
                throw ToraException.invalidField(key, "is not a known field; known fields are " + String.join(", ",
                        allowed.stream().sorted().toList()));
            }
        }
    }

    /** Whether the member is present (even as null). */
    public static boolean present(JsonObject body, String name) {
        return body.containsKey(name);
    }

    /** A string member, absent or null giving empty. */
    public static Optional<String> string(JsonObject body, String name) {
        JsonValue v = body.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v.getValueType() != JsonValue.ValueType.STRING) {
            throw ToraException.invalidField(name, "must be a string");
        }
        return Optional.of(((JsonString) v).getString());
    }

    /** A list of strings, absent or null giving empty. */
    public static Optional<List<String>> strings(JsonObject body, String name) {
        JsonValue v = body.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ToraException.invalidField(name, "must be a list of strings");
        }
        JsonArray array = v.asJsonArray();
        List<String> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).getValueType() != JsonValue.ValueType.STRING) {
                throw ToraException.invalidField(name + "[" + i + "]", "must be a string");
            }
            out.add(array.getString(i));
        }
        return Optional.of(out);
    }

    /** An object member, absent or null giving empty. */
    public static Optional<JsonObject> object(JsonObject body, String name) {
        JsonValue v = body.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ToraException.invalidField(name, "must be a JSON object");
        }
        return Optional.of(v.asJsonObject());
    }

    /** The raw member, absent giving empty. */
    public static Optional<JsonValue> raw(JsonObject body, String name) {
        return Optional.ofNullable(body.get(name));
    }

    /** An integer query parameter within bounds; null gives {@code fallback}. */
    public static int intParam(String value, String name, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < min || n > max) {
                throw ToraException.invalidField(name, "must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ToraException.invalidField(name, "must be an integer");
        }
    }

    /** A long query parameter; null gives {@code fallback}. */
    public static long longParam(String value, String name, long fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ToraException.invalidField(name, "must be an integer");
        }
    }

    /** Whether a JSON number is integral and fits a long. */
    public static boolean isLong(JsonNumber n) {
        if (!n.isIntegral()) {
            return false;
        }
        try {
            n.longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }
}
