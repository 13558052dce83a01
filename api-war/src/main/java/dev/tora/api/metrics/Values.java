package dev.tora.api.metrics;

import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.metric.MetricRules;
import jakarta.json.stream.JsonParser.Event;
import java.nio.charset.StandardCharsets;

/**
 * Reads one point field from the parser's current token, naming the field when it is wrong. A
 * field is named by {@code field} and, for entries of a list, its {@code index} ({@link #NO_INDEX}
 * otherwise); the name is only put together for an error.
 */
final class Values {

    /** The index of a field that is not an entry of a list. */
    static final int NO_INDEX = -1;

    private Values() {
    }

    /** A value: a JSON number, or one of the strings "NaN", "Infinity", "-Infinity". */
    static double value(BatchJsonParser parser, Event e, String field, int index) {
        if (e == Event.VALUE_NUMBER) {
            double v = parser.doubleValue();
            if (Double.isInfinite(v)) {
                throw ToraException.invalidField(name(field, index), "is outside the range of a double; send "
                        + "\"Infinity\" or \"-Infinity\" for infinite values");
            }
            return v;
        }
        if (e == Event.VALUE_STRING) {
            Double special = nonFinite(parser.getString());
            if (special != null) {
                return special;
            }
        }
        throw notAValue(name(field, index));
    }

    /** The value a string stands for ("NaN", "Infinity", "-Infinity"), or null. */
    static Double nonFinite(String s) {
        return switch (s) {
            case "NaN" -> Double.NaN;
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> null;
        };
    }

    /** The error of a value that is neither a number nor one of the three strings. */
    static ToraException notAValue(String field) {
        return ToraException.invalidField(field, "must be a number or one of \"NaN\", \"Infinity\", \"-Infinity\"");
    }

    /** A step: an integer in [0, 2^53). */
    static long step(BatchJsonParser parser, Event e, String field, int index) {
        long v = integer(parser, e, field, index);
        // the field's name is only put together for an error
        return MetricRules.isStep(v) ? v : MetricRules.step(v, name(field, index));
    }

    /** A timestamp: integer milliseconds since the epoch. */
    static long timestamp(BatchJsonParser parser, Event e, String field, int index) {
        long v = integer(parser, e, field, index);
        return MetricRules.isTimestamp(v) ? v : MetricRules.timestamp(v, name(field, index));
    }

    /** Point metadata: a JSON object of at most 4 KiB, returned as compact text; null stays null. */
    static String metadata(BatchJsonParser parser, Event e, String field, int index) {
        if (e == Event.VALUE_NULL) {
            return null;
        }
        if (e != Event.START_OBJECT) {
            throw ToraException.invalidField(name(field, index), "must be a JSON object");
        }
        String text = parser.getObject().toString();
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MetricRules.MAX_POINT_METADATA_BYTES) {
            throw ToraException.invalidField(name(field, index), "is " + bytes + " bytes; at most "
                    + MetricRules.MAX_POINT_METADATA_BYTES);
        }
        return text;
    }

    private static long integer(BatchJsonParser parser, Event e, String field, int index) {
        if (e != Event.VALUE_NUMBER || !parser.isIntegralNumber()) {
            throw ToraException.invalidField(name(field, index), "must be an integer");
        }
        try {
            return parser.longValue();
        } catch (NumberFormatException tooLong) {
            throw ToraException.invalidField(name(field, index), "is out of range");
        }
    }

    private static String name(String field, int index) {
        return index == NO_INDEX ? field : field + "[" + index + "]";
    }
}
