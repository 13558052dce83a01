package dev.tora.core.domain.experiment;

import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.text.TextRules;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the hyperparameters of a request into a flat map: nested objects become dotted keys
 * ({@code {"optim": {"lr": 0.1}}} is {@code optim.lr}); a list of {@code {key, value}} pairs is
 * accepted too. Arrays as values are kept as their JSON text.
 */
public final class Hyperparams {

    /** Longest key. */
    public static final int MAX_KEY = 250;
    /** Longest string value. */
    public static final int MAX_VALUE = 8192;
    /** Most keys per experiment request. */
    public static final int MAX_KEYS = 5000;

    private Hyperparams() {
    }

    /** Flattens {@code json} (an object or an array of pairs), naming {@code field} in errors. */
    public static Map<String, ParamValue> flatten(JsonValue json, String field) {
        Map<String, ParamValue> out = new LinkedHashMap<>();
        if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
            return out;
        }
        switch (json.getValueType()) {
            case OBJECT -> flattenObject(json.asJsonObject(), "", field, out);
            case ARRAY -> flattenPairs(json.asJsonArray(), field, out);
            default -> throw ToraException.invalidField(field, "must be an object or a list of {key, value}");
        }
        if (out.size() > MAX_KEYS) {
            throw ToraException.invalidField(field, "has " + out.size() + " keys; at most " + MAX_KEYS);
        }
        return out;
    }

    private static void flattenObject(JsonObject object, String prefix, String field, Map<String, ParamValue> out) {
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            String keyField = field + "." + key;
            if (e.getValue().getValueType() == JsonValue.ValueType.OBJECT && !e.getValue().asJsonObject().isEmpty()) {
                flattenObject(e.getValue().asJsonObject(), key, field, out);
            } else {
                put(out, key, e.getValue(), keyField);
            }
        }
    }

    private static void flattenPairs(JsonArray pairs, String field, Map<String, ParamValue> out) {
        for (int i = 0; i < pairs.size(); i++) {
            String itemField = field + "[" + i + "]";
            JsonValue item = pairs.get(i);
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ToraException.invalidField(itemField, "must be an object {key, value}");
            }
            JsonObject pair = item.asJsonObject();
            JsonValue key = pair.get("key");
            if (key == null || key.getValueType() != JsonValue.ValueType.STRING) {
                throw ToraException.invalidField(itemField + ".key", "must be a string");
            }
            JsonValue value = pair.getOrDefault("value", JsonValue.NULL);
            if (value.getValueType() == JsonValue.ValueType.OBJECT && !value.asJsonObject().isEmpty()) {
                flattenObject(value.asJsonObject(), ((JsonString) key).getString(), itemField + ".value", out);
            } else {
                put(out, ((JsonString) key).getString(), value, itemField + ".value");
            }
        }
    }

    private static void put(Map<String, ParamValue> out, String key, JsonValue value, String keyField) {
        TextRules.requireName(key, keyField, MAX_KEY);
        out.put(key, toParam(value, keyField));
    }

    /** The stored form of one JSON value. */
    static ParamValue toParam(JsonValue value, String field) {
        return switch (value.getValueType()) {
            case NULL -> ParamValue.ofNull();
            case TRUE -> ParamValue.ofBoolean(true);
            case FALSE -> ParamValue.ofBoolean(false);
            case STRING -> ParamValue.ofString(TextRules.optionalText(((JsonString) value).getString(), field, MAX_VALUE));
            case NUMBER -> number((JsonNumber) value, field);
            case ARRAY, OBJECT -> ParamValue.ofString(TextRules.optionalText(value.toString(), field, MAX_VALUE));
        };
    }

    private static ParamValue number(JsonNumber n, String field) {
        BigDecimal big = n.bigDecimalValue();
        if (n.isIntegral()) {
            try {
                return ParamValue.ofLong(big.longValueExact());
            } catch (ArithmeticException tooBig) {
                // falls through to a double
            }
        }
        double d = big.doubleValue();
        if (Double.isInfinite(d)) {
            throw ToraException.invalidField(field, "is outside the range of a double");
        }
        return ParamValue.ofDouble(d);
    }
}
