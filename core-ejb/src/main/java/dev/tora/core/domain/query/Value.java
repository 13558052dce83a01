package dev.tora.core.domain.query;

import java.util.Objects;

/** A constant on the right of a comparison. */
public sealed interface Value {

    /** The value as the query language writes it, in canonical form. */
    String text();

    /** A number; non-finite only for metric fields, written as the strings "NaN", "Infinity", "-Infinity". */
    record Num(double value) implements Value {
        @Override
        public String text() {
            if (Double.isNaN(value)) {
                return "\"NaN\"";
            }
            if (Double.isInfinite(value)) {
                return value > 0 ? "\"Infinity\"" : "\"-Infinity\"";
            }
            boolean integral = value == Math.rint(value) && Math.abs(value) < 1e15
                    && Double.doubleToRawLongBits(value) != Double.doubleToRawLongBits(-0.0);
            return integral ? Long.toString((long) value) : Double.toString(value);
        }
    }

    /** A string. */
    record Text(String value) implements Value {
        /** Text of {@code value}. */
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return KeyText.quote(value);
        }
    }

    /** {@code true} or {@code false}. */
    record Bool(boolean value) implements Value {
        @Override
        public String text() {
            return Boolean.toString(value);
        }
    }

    /** {@code null}: no value. */
    record Null() implements Value {
        @Override
        public String text() {
            return "null";
        }
    }

    /** A time relative to now, in the past: {@code -7d} is seven days ago. */
    record Ago(long amount, TimeUnit unit) implements Value {
        /** {@code amount} units ago. */
        public Ago {
            Objects.requireNonNull(unit, "unit");
            if (amount < 0) {
                throw new IllegalArgumentException("amount must not be negative");
            }
        }

        @Override
        public String text() {
            return "-" + amount + unit.letter();
        }

        /** Milliseconds before now, saturating. */
        public long millis() {
            return amount > Long.MAX_VALUE / unit.millis() ? Long.MAX_VALUE : amount * unit.millis();
        }
    }

    /** Units of relative times. */
    enum TimeUnit {
        /** Seconds. */
        SECONDS('s', 1_000L),
        /** Minutes. */
        MINUTES('m', 60_000L),
        /** Hours. */
        HOURS('h', 3_600_000L),
        /** Days. */
        DAYS('d', 86_400_000L),
        /** Weeks. */
        WEEKS('w', 604_800_000L);

        private final char letter;
        private final long millis;

        TimeUnit(char letter, long millis) {
            this.letter = letter;
            this.millis = millis;
        }

        /** The letter after the number. */
        public char letter() {
            return letter;
        }

        /** Milliseconds in one unit. */
        public long millis() {
            return millis;
        }

        /** The unit written {@code letter}, or null. */
        static TimeUnit of(int letter) {
            for (TimeUnit u : values()) {
                if (u.letter == letter) {
                    return u;
                }
            }
            return null;
        }
    }
}
