package dev.tora.client.internal.json;

import java.util.List;
import java.util.Map;

/** Typed reads from parsed JSON values (maps and lists of {@link JsonReader}). */
public final class Json {

    private Json() {
    }

    /** {@code map.get(key)} as a map, or null when absent or not an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object map, String key) {
        Object v = map instanceof Map<?, ?> m ? m.get(key) : null;
        return v instanceof Map ? (Map<String, Object>) v : null;
    }

    /** {@code map.get(key)} as a list, or null when absent or not an array. */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Object map, String key) {
        Object v = map instanceof Map<?, ?> m ? m.get(key) : null;
        return v instanceof List ? (List<Object>) v : null;
    }

    /** {@code map.get(key)} as a string, or null when absent or not a string. */
    public static String string(Object map, String key) {
        Object v = map instanceof Map<?, ?> m ? m.get(key) : null;
        return v instanceof String s ? s : null;
    }

    /** {@code map.get(key)} as a long, or {@code fallback} when absent or not a number. */
    public static long number(Object map, String key, long fallback) {
        Object v = map instanceof Map<?, ?> m ? m.get(key) : null;
        return v instanceof Number n ? n.longValue() : fallback;
    }

    /** A metric value as the API writes it: a number or one of "NaN", "Infinity", "-Infinity". */
    public static double metricValue(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            switch (s) {
                case "NaN":
                    return Double.NaN;
                case "Infinity":
                    return Double.POSITIVE_INFINITY;
                case "-Infinity":
                    return Double.NEGATIVE_INFINITY;
                default:
                    break;
            }
        }
        throw new JsonException("not a metric value: " + v);
    }
}
