package dev.tora.core.domain.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * What a time value means: every one stands for an interval of epoch milliseconds. A date
 * ({@code "2026-11-01"}) is that UTC day, a month ({@code "2026-11"}) that UTC month; a date and
 * time ({@code "2026-11-01T12:30:00Z"}, an offset or none for UTC, a space instead of {@code T}),
 * a relative time ({@code -7d}) and a number (epoch milliseconds) are one millisecond.
 */
public final class TimeValue {

    /** Milliseconds {@code from} (inclusive) to {@code until} (exclusive). */
    public record Interval(long from, long until) {
    }

    private TimeValue() {
    }

    /** Whether {@code value} can be read as a time. */
    static boolean isTime(Value value) {
        if (value instanceof Value.Num n) {
            return Double.isFinite(n.value());
        }
        if (value instanceof Value.Text t) {
            return parse(t.value()) != null;
        }
        return value instanceof Value.Ago;
    }

    /** The interval {@code value} stands for, relative times counted back from {@code now}. */
    public static Interval interval(Value value, long now) {
        Interval out = null;
        if (value instanceof Value.Num n) {
            out = instant((long) Math.floor(n.value()));
        } else if (value instanceof Value.Ago a) {
            // now - millis cannot overflow when now >= 0; before 1970 it saturates
            boolean fits = now >= 0 || a.millis() <= now - Long.MIN_VALUE;
            out = instant(fits ? now - a.millis() : Long.MIN_VALUE);
        } else if (value instanceof Value.Text t) {
            out = parse(t.value());
        }
        if (out == null) {
            throw new IllegalArgumentException("not a time: " + value.text());
        }
        return out;
    }

    private static Interval instant(long t) {
        return new Interval(t, t == Long.MAX_VALUE ? t : t + 1);
    }

    private static Interval parse(String text) {
        String s = text.strip();
        try {
            if (s.length() == 7) {
                YearMonth m = YearMonth.parse(s);
                return new Interval(millis(m.atDay(1)), millis(m.plusMonths(1).atDay(1)));
            }
            if (s.length() == 10) {
                LocalDate d = LocalDate.parse(s);
                return new Interval(millis(d), millis(d.plusDays(1)));
            }
            String iso = s.length() > 10 && s.charAt(10) == ' ' ? s.substring(0, 10) + 'T' + s.substring(11) : s;
            if (iso.endsWith("Z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10) {
                return instant(OffsetDateTime.parse(iso).toInstant().toEpochMilli());
            }
            return instant(LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC).toEpochMilli());
        } catch (DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    private static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
