package dev.tora.client.internal.json;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes compact UTF-8 JSON straight into a growable byte array. Metric batches are mostly digits,
 * so numbers are written as ASCII without going through a {@code String} where the JDK allows it.
 * Doubles use {@link Double#toString(double)}, whose text reads back to the same bits.
 */
public final class JsonWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NAN = "\"NaN\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFINITY = "\"Infinity\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MINUS_INFINITY = "\"-Infinity\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MIN_LONG = Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_DEPTH = 64;

    private byte[] buf;
    private int len;

    /** A writer with room for {@code capacity} bytes before it grows. */
    public JsonWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** A writer of a small document. */
    public JsonWriter() {
        this(256);
    }

    /** Appends one ASCII character as is (a brace, a comma, a colon). */
    public JsonWriter raw(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** Appends ASCII text as is (a prepared key such as {@code ,"values":}). */
    public JsonWriter raw(String ascii) {
        int n = ascii.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) ascii.charAt(i);
        }
        return this;
    }

    /** Appends bytes that already are JSON (a body read back from the spool). */
    public JsonWriter rawBytes(byte[] json) {
        ensure(json.length);
        System.arraycopy(json, 0, buf, len, json.length);
        len += json.length;
        return this;
    }

    /** Appends {@code "key":}. */
    public JsonWriter key(String key) {
        string(key);
        return raw(':');
    }

    /** Appends a JSON string with the escapes JSON requires, encoded as UTF-8. */
    public JsonWriter string(String s) {
        int n = s.length();
        ensure(n + 2);
        buf[len++] = '"';
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    ensure(1);
                    buf[len++] = (byte) c;
                } else {
                    escape(c);
                }
            } else if (c < 0x800) {
                ensure(2);
                buf[len++] = (byte) (0xc0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                ensure(4);
                buf[len++] = (byte) (0xf0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                buf[len++] = (byte) (0x80 | (cp & 0x3f));
            } else if (Character.isSurrogate(c)) {
                escape(c); // a lone surrogate has no UTF-8 form; \\uXXXX keeps it visible
            } else {
                ensure(3);
                buf[len++] = (byte) (0xe0 | (c >> 12));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
                buf[len++] = (byte) (0x80 | (c & 0x3f));
            }
        }
        ensure(1);
        buf[len++] = '"';
        return this;
    }

    private void escape(char c) {
        ensure(6);
        buf[len++] = '\\';
        switch (c) {
            case '"' -> buf[len++] = '"';
            case '\\' -> buf[len++] = '\\';
            case '\n' -> buf[len++] = 'n';
            case '\r' -> buf[len++] = 'r';
            case '\t' -> buf[len++] = 't';
            case '\b' -> buf[len++] = 'b';
            case '\f' -> buf[len++] = 'f';
            default -> {
                buf[len++] = 'u';
                buf[len++] = HEX[(c >> 12) & 0xf];
                buf[len++] = HEX[(c >> 8) & 0xf];
                buf[len++] = HEX[(c >> 4) & 0xf];
                buf[len++] = HEX[c & 0xf];
            }
        }
    }

    /** Appends an integer. */
    public JsonWriter number(long v) {
        if (v == Long.MIN_VALUE) {
            return rawBytes(MIN_LONG);
        }
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        if (v < 10) {
            buf[len++] = (byte) ('0' + v);
            return this;
        }
        int digits = digits(v);
        int end = len + digits;
        for (int i = end - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        len = end;
        return this;
    }

    private static int digits(long v) {
        int d = 1;
        long p = 10;
        while (d < 19 && v >= p) {
            d++;
            p *= 10;
        }
        return d;
    }

    /**
     * Appends a metric value: a JSON number when finite, else the string {@code "NaN"},
     * {@code "Infinity"} or {@code "-Infinity"} (the API's spelling of non-finite values).
     */
    public JsonWriter metricValue(double v) {
        if (Double.isNaN(v)) {
            return rawBytes(NAN);
        }
        if (Double.isInfinite(v)) {
            return rawBytes(v > 0 ? INFINITY : MINUS_INFINITY);
        }
        if (v == (long) v && Math.abs(v) < 1e15 && (v != 0 || 1 / v > 0)) {
            // an integral value: digits are exact and cheaper than Double.toString; ".0" keeps it a float
            number((long) v);
            return raw(".0");
        }
        return raw(Double.toString(v));
    }

    /** Appends {@code null}. */
    public JsonWriter nullValue() {
        return rawBytes(NULL);
    }

    /**
     * Appends any JSON-like Java value: null, Boolean, Number, CharSequence, Enum (its name), Map
     * (keys as strings), Iterable, arrays. A non-finite float is refused: JSON has no such number.
     */
    public JsonWriter value(Object v) {
        return value(v, 0);
    }

    private JsonWriter value(Object v, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("a value nested more than " + MAX_DEPTH + " levels deep (a cycle?)");
        }
        if (v == null) {
            return nullValue();
        }
        if (v instanceof Boolean b) {
            return raw(b ? "true" : "false");
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return number(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("JSON has no number for " + d);
            }
            return metricValue(d);
        }
        if (v instanceof BigInteger || v instanceof BigDecimal) {
            return raw(v instanceof BigDecimal bd ? bd.toString() : v.toString());
        }
        if (v instanceof Number n) {
            return value(n.doubleValue(), depth);
        }
        if (v instanceof CharSequence || v instanceof Character) {
            return string(v.toString());
        }
        if (v instanceof Enum<?> e) {
            return string(e.name());
        }
        if (v instanceof Map<?, ?> map) {
            raw('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    raw(',');
                }
                first = false;
                key(String.valueOf(e.getKey()));
                value(e.getValue(), depth + 1);
            }
            return raw('}');
        }
        if (v instanceof Iterable<?> items) {
            raw('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    raw(',');
                }
                first = false;
                value(item, depth + 1);
            }
            return raw(']');
        }
        if (v.getClass().isArray()) {
            raw('[');
            int n = Array.getLength(v);
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    raw(',');
                }
                value(Array.get(v, i), depth + 1);
            }
            return raw(']');
        }
        throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as JSON");
    }

    /** Bytes written so far. */
    public int size() {
        return len;
    }

    /** A copy of what was written. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    /** What was written, as text. */
    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.UTF_8);
    }

    /** The compact JSON of {@code value}. */
    public static byte[] bytes(Object value) {
        return new JsonWriter().value(value).toByteArray();
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }
}
