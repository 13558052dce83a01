package dev.tora.client.internal.http;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header: delta-seconds or an HTTP date, capped at 5 minutes. */
public final class RetryAfter {

    /** The longest wait a server may ask for; longer requests are cut to this. */
    public static final double MAX_SECONDS = 300;

    private RetryAfter() {
    }

    /** Seconds to wait, or null when the header is absent or unreadable. */
    public static Double seconds(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        double seconds;
        try {
            seconds = Double.parseDouble(value);
        } catch (NumberFormatException notANumber) {
            try {
                Instant when = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                seconds = (when.toEpochMilli() - now.toEpochMilli()) / 1000.0;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        if (Double.isNaN(seconds)) {
            return null;
        }
        return Math.min(Math.max(seconds, 0.0), MAX_SECONDS);
    }
}
