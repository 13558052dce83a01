package dev.tora.plugins.exporter.jsonl;

import com.fasterxml.jackson.core.io.schubfach.DoubleToDecimal;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON by hand onto a {@link Writer}, so the plugin needs nothing beyond the JDK.
 *
 * <p>Non-finite doubles become the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"}, as everywhere in Tora's API.
 */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Writer out;

    /** Writes onto {@code out}. */
    JsonWriter(Writer out) {
        this.out = out;
    }

    /** {@code s} as a JSON string literal, quotes included. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || isLoneSurrogate(s, i)) {
                // A lone surrogate cannot be encoded in UTF-8; the escape keeps it intact.
                b.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xf])
                        .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    /** Writes {@code text} unchanged. */
    JsonWriter raw(String text) throws IOException {
        out.write(text);
        return this;
    }

    /** Writes {@code ,"name":}; every object here starts with "type", so a comma always leads. */
    JsonWriter member(String name) throws IOException {
        out.write(',');
        out.write(quote(name));
        out.write(':');
        return this;
    }

    /** A string, or {@code null}. */
    JsonWriter string(String s) throws IOException {
        out.write(s == null ? "null" : quote(s));
        return this;
    }

    /** A number; non-finite values as strings. */
    JsonWriter number(double d) throws IOException {
        if (Double.isNaN(d)) {
            out.write("\"NaN\"");
        } else if (Double.isInfinite(d)) {
            out.write(d > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        } else {
            // Shortest text that parses back to the same bits; valid JSON, exponent included.
            out.write(DoubleToDecimal.toString(d));
        }
        return this;
    }

    /** An instant as an ISO-8601 string, or {@code null}. */
    JsonWriter instant(Instant instant) throws IOException {
        return string(instant == null ? null : instant.toString());
    }

    /** An array of strings. */
    JsonWriter strings(List<String> values) throws IOException {
        out.write('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            string(values.get(i));
        }
        out.write(']');
        return this;
    }

    /** An object of flat values: String, integral or floating number, Boolean or null. */
    JsonWriter object(Map<String, ?> members) throws IOException {
        out.write('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : members.entrySet()) {
            if (!first) {
                out.write(',');
            }
            first = false;
            out.write(quote(e.getKey()));
            out.write(':');
            value(e.getValue());
        }
        out.write('}');
        return this;
    }

    /** One flat value; an unknown type is written as its string form. */
    JsonWriter value(Object v) throws IOException {
        if (v == null || v instanceof Boolean) {
            out.write(String.valueOf(v));
        } else if (v instanceof Double || v instanceof Float) {
            number(((Number) v).doubleValue());
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short
                || v instanceof Byte || v instanceof BigInteger || v instanceof BigDecimal) {
            out.write(v.toString());
        } else {
            string(v.toString());
        }
        return this;
    }

    /**
     * A JSON text the host already holds (metadata), embedded as JSON rather than as a string.
     * CR and LF can only be whitespace in valid JSON, so they become spaces to keep one record per
     * line.
     */
    JsonWriter embedded(String json) throws IOException {
        out.write(json.replace('\r', ' ').replace('\n', ' '));
        return this;
    }
}
