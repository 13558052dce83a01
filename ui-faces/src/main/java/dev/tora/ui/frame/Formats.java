package dev.tora.ui.frame;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How pages show times, durations and numbers (EL: {@code #{formats.time(x)}}). */
@Named
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** An epoch-millisecond time in UTC (the browser rewrites it to local time), or empty. */
    public String time(Long epochMillis) {
        return epochMillis == null ? "" : TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** The same time as ISO-8601, for {@code <time datetime>}. */
    public String iso(Long epochMillis) {
        return epochMillis == null ? "" : Instant.ofEpochMilli(epochMillis).toString();
    }

    /** The time from {@code start} to {@code end}, or to now when {@code end} is null: "3h 12m", "45s". */
    public String duration(long start, Long end) {
        long ms = Math.max(0, (end == null ? System.currentTimeMillis() : end) - start);
        long s = ms / 1000;
        if (s < 60) {
            return s + "s";
        }
        long m = s / 60;
        if (m < 60) {
            return m + "m " + (s % 60) + "s";
        }
        long h = m / 60;
        if (h < 48) {
            return h + "h " + (m % 60) + "m";
        }
        return (h / 24) + "d " + (h % 24) + "h";
    }

    /** A metric value to 6 significant digits; NaN and infinities by name; empty for none. */
    public String number(Double value) {
        if (value == null) {
            return "";
        }
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString(value.longValue());
        }
        double abs = Math.abs(value);
        String text = abs >= 1e-4 && abs < 1e6 ? String.format(Locale.ROOT, "%.6g", value) : String.format(Locale.ROOT, "%.5e", value);
        return trimZeros(text);
    }

    private static String trimZeros(String text) {
        int e = text.indexOf('e');
        String mantissa = e < 0 ? text : text.substring(0, e);
        String exponent = e < 0 ? "" : text.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }
}
