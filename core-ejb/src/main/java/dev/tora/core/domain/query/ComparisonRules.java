package dev.tora.core.domain.query;

import dev.tora.core.domain.experiment.ExperimentStatus;
import java.util.Locale;

/**
 * Which operators and values fit which field, checked while parsing so that a mistake is
 * reported at its position. Returns the value in canonical form: status names in lower case,
 * and the strings "NaN", "Infinity", "-Infinity" as numbers when compared with a metric.
 */
final class ComparisonRules {

    private static final String TEXT_OPERATORS = "=, !=, ~ or in";
    private static final String ORDER_OPERATORS = "=, !=, <, <=, >, >= or in";
    private static final String TIME_FORMS = "a date such as \"2026-11-01\", a date and time such as "
            + "\"2026-11-01T12:00:00Z\", a relative time such as -7d, or epoch milliseconds";

    private final String queryField;

    ComparisonRules(String queryField) {
        this.queryField = queryField;
    }

    /** {@code value} checked against {@code field} and {@code op}; {@code in} lists check as {@code =}. */
    Value check(Field field, Operator op, Token opToken, Value value, Token valueToken) {
        if (field instanceof Param) {
            return param(field, op, opToken, value, valueToken);
        }
        if (field instanceof Metric m) {
            return metric(m, op, opToken, value, valueToken);
        }
        Attribute a = (Attribute) field;
        if (a.isTime()) {
            return time(a, op, opToken, value, valueToken);
        }
        if (a == Attribute.STATUS) {
            return status(op, opToken, value, valueToken);
        }
        // name, description, tags
        if (op.isOrdering()) {
            throw fail(opToken, "'" + op.symbol() + "' does not apply to " + a.text() + "; use " + TEXT_OPERATORS);
        }
        if (value instanceof Value.Null && a.optional() && op != Operator.CONTAINS) {
            return value;
        }
        if (!(value instanceof Value.Text)) {
            throw fail(valueToken, op == Operator.CONTAINS ? "'~' takes a string"
                    : a.text() + " takes a string" + (a.optional() ? " or null" : ""));
        }
        return value;
    }

    private Value status(Operator op, Token opToken, Value value, Token valueToken) {
        if (op != Operator.EQ && op != Operator.NE) {
            throw fail(opToken, "'" + op.symbol() + "' does not apply to status; use =, != or in");
        }
        if (value instanceof Value.Text t) {
            for (ExperimentStatus s : ExperimentStatus.values()) {
                if (s.id().equals(t.value().toLowerCase(Locale.ROOT))) {
                    return new Value.Text(s.id());
                }
            }
        }
        throw fail(valueToken, "status takes one of running, finished, failed, killed");
    }

    private Value time(Attribute a, Operator op, Token opToken, Value value, Token valueToken) {
        if (op == Operator.CONTAINS) {
            throw fail(opToken, "'~' does not apply to " + a.text() + "; use " + ORDER_OPERATORS);
        }
        if (value instanceof Value.Null && a.optional() && !op.isOrdering()) {
            return value;
        }
        if (!TimeValue.isTime(value)) {
            throw fail(valueToken, a.text() + " takes " + TIME_FORMS + (a.optional() ? " (or null with = and !=)" : ""));
        }
        return value;
    }

    private Value param(Field field, Operator op, Token opToken, Value value, Token valueToken) {
        if (value instanceof Value.Ago) {
            throw fail(valueToken, field.text() + " takes a number, a string, true, false or null");
        }
        if (op == Operator.CONTAINS && !(value instanceof Value.Text)) {
            throw fail(valueToken, "'~' takes a string");
        }
        if (op.isOrdering() && !(value instanceof Value.Num)) {
            throw fail(valueToken, "'" + op.symbol() + "' takes a number");
        }
        return value;
    }

    private Value metric(Metric field, Operator op, Token opToken, Value value, Token valueToken) {
        if (op == Operator.CONTAINS) {
            throw fail(opToken, "'~' does not apply to " + field.text() + "; use " + ORDER_OPERATORS);
        }
        Value number = value instanceof Value.Text t ? special(t.value()) : value;
        if (!(number instanceof Value.Num n)) {
            throw fail(valueToken, field.text() + " takes a number (or \"NaN\", \"Infinity\", \"-Infinity\")");
        }
        if (Double.isNaN(n.value())) {
            if (field.aggregate() != Aggregate.LAST) {
                throw fail(valueToken, "only last values can be NaN; " + field.text() + " never is");
            }
            if (op.isOrdering()) {
                throw fail(valueToken, "NaN is not ordered; compare it with = or !=");
            }
        }
        return number;
    }

    /** The number a metric comparison reads from the strings of non-finite values, else the text unchanged. */
    private static Value special(String text) {
        return switch (text) {
            case "NaN" -> new Value.Num(Double.NaN);
            case "Infinity" -> new Value.Num(Double.POSITIVE_INFINITY);
            case "-Infinity" -> new Value.Num(Double.NEGATIVE_INFINITY);
            default -> new Value.Text(text);
        };
    }

    private dev.tora.core.domain.error.ToraException fail(Token at, String problem) {
        return QueryErrors.at(queryField, at.start(), problem);
    }
}
