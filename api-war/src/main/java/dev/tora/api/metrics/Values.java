package dev.tora.api.metrics;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import dev.tora.core.domain.error.ToraException;
import dev.tora.core.domain.metric.MetricRules;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.nio.charset.StandardCharsets;

/** Reads one point field from the parser's current token, naming the field when it is wrong. */
final class Values {

    private Values() {
    }

    /** A value: a JSON number, or one of the strings "NaN", "Infinity", "-Infinity". */
    static double value(JsonParser parser, Event e, String field) {
        if (e == Event.VALUE_NUMBER) {
            double v = JavaDoubleParser.parseDouble(parser.getString());
            if (Double.isInfinite(v)) {
                throw ToraException.invalidField(field, "is outside the range of a double; send \"Infinity\" "
                        + "or \"-Infinity\" for infinite values");
            }
            return v;
        }
        if (e == Event.VALUE_STRING) {
            Double special = nonFinite(parser.getString());
            if (special != null) {
                return special;
            }
        }
        throw notAValue(field);
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
    static long step(JsonParser parser, Event e, String field) {
        return MetricRules.step(integer(parser, e, field), field);
    }

    /** A timestamp: integer milliseconds since the epoch. */
    static long timestamp(JsonParser parser, Event e, String field) {
        return MetricRules.timestamp(integer(parser, e, field), field);
    }

    /** Point metadata: a JSON object of at most 4 KiB, returned as compact text; null stays null. */
    static String metadata(JsonParser parser, Event e, String field) {
        if (e == Event.VALUE_NULL) {
            return null;
        }
        if (e != Event.START_OBJECT) {
            throw ToraException.invalidField(field, "must be a JSON object");
        }
        String text = parser.getObject().toString();
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MetricRules.MAX_POINT_METADATA_BYTES) {
            throw ToraException.invalidField(field, "is " + bytes + " bytes; at most "
                    + MetricRules.MAX_POINT_METADATA_BYTES);
        }
        return text;
    }

    private static long integer(JsonParser parser, Event e, String field) {
        if (e != Event.VALUE_NUMBER || !parser.isIntegralNumber()) {
            throw ToraException.invalidField(field, "must be an integer");
        }
        try {
            return Long.parseLong(parser.getString());
        } catch (NumberFormatException tooLong) {
            throw ToraException.invalidField(field, "is out of range");
        }
    }
}
