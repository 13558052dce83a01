package dev.tora.plugins.exporter.csv;

import java.time.Instant;

/**
 * Formats epoch milliseconds exactly as {@link Instant#toString()} does, running the full
 * formatter once per minute: points of a run share their minute with their neighbours, and the
 * formatter was a large part of the export's cost. Not thread-safe; one per export.
 */
final class IsoInstants {

    private long cachedMinute = Long.MIN_VALUE;
    private String cachedPrefix = "";

    /** The ISO-8601 form of {@code epochMillis}, such as {@code 2026-01-01T00:00:00.250Z}. */
    String format(long epochMillis) {
        long minute = Math.floorDiv(epochMillis, 60_000);
        int millisOfMinute = (int) Math.floorMod(epochMillis, 60_000);
        if (minute != cachedMinute) {
            String whole = Instant.ofEpochSecond(minute * 60).toString();
            // "...THH:MM:00Z" for a whole minute: keep "...THH:MM:"
            cachedPrefix = whole.substring(0, whole.length() - 3);
            cachedMinute = minute;
        }
        int seconds = millisOfMinute / 1000;
        int millis = millisOfMinute % 1000;
        char[] rest = millis == 0
                ? new char[] {digit(seconds / 10), digit(seconds % 10), 'Z'}
                : new char[] {digit(seconds / 10), digit(seconds % 10), '.', digit(millis / 100),
                    digit(millis / 10 % 10), digit(millis % 10), 'Z'};
        return cachedPrefix.concat(new String(rest));
    }

    private static char digit(int d) {
        return (char) ('0' + d);
    }
}
