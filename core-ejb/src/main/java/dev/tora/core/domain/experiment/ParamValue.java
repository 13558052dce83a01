package dev.tora.core.domain.experiment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * A hyperparameter value: a string, an integer, a float, a boolean or null. The canonical text is
 * kept for display and exact round trips; numbers also go to a double column for sorting and
 * filtering in SQL.
 */
@Embeddable
public class ParamValue {

    /** The stored kinds of value. */
    public enum Type { STRING, INT, FLOAT, BOOL, NULL }

    @Column(name = "value_type", nullable = false, length = 8)
    private String type;

    @Column(name = "text_value")
    private String text;

    @Column(name = "number_value")
    private Double number;

    protected ParamValue() {
    }

    private ParamValue(Type type, String text, Double number) {
        this.type = type.name().toLowerCase(java.util.Locale.ROOT);
        this.text = text;
        this.number = number;
    }

    /** A string value. */
    public static ParamValue ofString(String s) {
        return new ParamValue(Type.STRING, s, null);
    }

    /** An integer value. */
    public static ParamValue ofLong(long v) {
        return new ParamValue(Type.INT, Long.toString(v), (double) v);
    }

    /** A floating-point value; NaN and infinities are kept as their text. */
    public static ParamValue ofDouble(double v) {
        return new ParamValue(Type.FLOAT, Double.toString(v), Double.isFinite(v) ? v : null);
    }

    /** A boolean value. */
    public static ParamValue ofBoolean(boolean v) {
        return new ParamValue(Type.BOOL, Boolean.toString(v), v ? 1.0 : 0.0);
    }

    /** The null value. */
    public static ParamValue ofNull() {
        return new ParamValue(Type.NULL, null, null);
    }

    /** The kind of value. */
    public Type type() {
        return Type.valueOf(type.toUpperCase(java.util.Locale.ROOT));
    }

    /** The value as Java: String, Long, Double, Boolean or null. */
    public Object toJava() {
        return switch (type()) {
            case STRING -> text;
            case INT -> Long.parseLong(text);
            case FLOAT -> Double.parseDouble(text);
            case BOOL -> Boolean.parseBoolean(text);
            case NULL -> null;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParamValue p && type.equals(p.type) && Objects.equals(text, p.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, text);
    }
}
