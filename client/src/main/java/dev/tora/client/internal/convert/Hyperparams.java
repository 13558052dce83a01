package dev.tora.client.internal.convert;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flat hyperparameters from maps and records: nested keys become dotted ({@code optim.lr}), values
 * become JSON scalars. Values that are not scalars (lists, other objects) are sent as their
 * {@code toString()}, and non-finite floats as "NaN", "Infinity" or "-Infinity", because the
 * server stores scalars only.
 */
public final class Hyperparams {

    /** Longest key. */
    public static final int MAX_KEY = 250;
    /** Longest string value. */
    public static final int MAX_VALUE = 8192;
    /** Most keys per request. */
    public static final int MAX_KEYS = 5000;

    private Hyperparams() {
    }

    /** The flat form of a map (keys are turned into strings) or a record. */
    public static Map<String, Object> flatten(Object params) {
        Map<?, ?> top = asMap(params);
        if (top == null) {
            throw new IllegalArgumentException("hyperparams must be a Map or a record, got "
                    + (params == null ? "null" : params.getClass().getName()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        flatten(top, "", out, Collections.newSetFromMap(new IdentityHashMap<>()));
        if (out.size() > MAX_KEYS) {
            throw new IllegalArgumentException(out.size() + " hyperparameters; at most " + MAX_KEYS);
        }
        return out;
    }

    private static void flatten(Map<?, ?> map, String prefix, Map<String, Object> out, Set<Object> path) {
        if (!path.add(map)) {
            throw new IllegalArgumentException("hyperparams contain a cycle at " + prefix);
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = prefix + e.getKey();
            Object value = e.getValue() instanceof Optional<?> o ? o.orElse(null) : e.getValue();
            Map<?, ?> nested = isScalar(value) ? null : asMap(value);
            if (nested != null && !nested.isEmpty()) {
                flatten(nested, key + ".", out, path);
            } else {
                out.put(Checks.name(key, "hyperparameter key", MAX_KEY, false), scalar(value, key));
            }
        }
        path.remove(map);
    }

    private static boolean isScalar(Object v) {
        return v == null || v instanceof CharSequence || v instanceof Number || v instanceof Boolean
                || v instanceof Character || v instanceof Enum<?>;
    }

    private static Map<?, ?> asMap(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        if (v instanceof Record r) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                try {
                    c.getAccessor().setAccessible(true);
                    fields.put(c.getName(), c.getAccessor().invoke(r));
                } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                    throw new IllegalArgumentException("cannot read " + r.getClass().getName() + "." + c.getName()
                            + ": " + e, e);
                }
            }
            return fields;
        }
        return null;
    }

    /** One value as the server stores it: null, boolean, integer, finite double or text. */
    static Object scalar(Object v, String key) {
        if (v == null || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            return Double.isFinite(d) ? (Object) d : Double.toString(d);
        }
        if (v instanceof BigInteger || v instanceof BigDecimal) {
            return v;
        }
        if (v instanceof Number n) {
            return scalar(n.doubleValue(), key);
        }
        String text = v instanceof Enum<?> e ? e.name() : v.toString();
        if (!(v instanceof CharSequence) && text.length() > MAX_VALUE) {
            text = text.substring(0, MAX_VALUE - 3) + "...";
        }
        if (text.length() > MAX_VALUE) {
            throw new IllegalArgumentException("hyperparameter '" + key + "' is " + text.length()
                    + " characters; at most " + MAX_VALUE);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                throw new IllegalArgumentException("hyperparameter '" + key + "' contains a control character at position "
                        + i);
            }
        }
        return text;
    }
}
