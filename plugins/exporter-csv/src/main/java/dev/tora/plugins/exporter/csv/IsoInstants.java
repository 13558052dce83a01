package dev.tora.plugins.exporter.csv;

import java.time.Instant;

/**
 * Formats epoch milliseconds exactly as {@link Instant#toString()} does, formatting each second
 * once: points of a run share their second with their neighbours, and the full formatter was a
 * large part of the export's cost. Not thread-safe; one per export.
 */
final class IsoInstants {

    private long cachedSecond = Long.MIN_VALUE;
    private String cachedPrefix = "";

    /** The ISO-8601 form of {@code epochMillis}, such as {@code 2026-01-01T00:00:00.250Z}. */
    String format(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        int millis = (int) Math.floorMod(epochMillis, 1000);
        if (second != cachedSecond) {
            String whole = Instant.ofEpochSecond(second).toString();
            cachedPrefix = whole.substring(0, whole.length() - 1);
            cachedSecond = second;
        }
        if (millis == 0) {
            return cachedPrefix + 'Z';
        }
        char[] fraction = {'.', (char) ('0' + millis / 100), (char) ('0' + millis / 10 % 10), (char) ('0' + millis % 10), 'Z'};
        return cachedPrefix.concat(new String(fraction));
    }
}
