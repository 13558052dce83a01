package dev.tora.plugins.exporter.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Writes epoch milliseconds exactly as {@link Instant#toString()} formats them, running the full
 * formatter once per minute: points of a run share their minute with their neighbours, so a row
 * costs its seconds and milliseconds digits only. Not thread-safe; one per export.
 */
final class IsoInstants {

    private long cachedMinute = Long.MIN_VALUE;
    private byte[] cachedPrefix = new byte[0];

    /** Appends the ISO-8601 form of {@code epochMillis}, such as {@code 2026-01-01T00:00:00.250Z}. */
    void write(long epochMillis, RowBuffer out) throws IOException {
        long minute = Math.floorDiv(epochMillis, 60_000);
        int millisOfMinute = (int) Math.floorMod(epochMillis, 60_000);
        if (minute != cachedMinute) {
            String whole = Instant.ofEpochSecond(minute * 60).toString();
            // "...THH:MM:00Z" for a whole minute: keep "...THH:MM:"
            cachedPrefix = whole.substring(0, whole.length() - 3).getBytes(StandardCharsets.US_ASCII);
            cachedMinute = minute;
        }
        out.bytes(cachedPrefix);
        out.twoDigits(millisOfMinute / 1000);
        int millis = millisOfMinute % 1000;
        if (millis != 0) {
            out.ascii('.');
            out.threeDigits(millis);
        }
        out.ascii('Z');
    }
}
