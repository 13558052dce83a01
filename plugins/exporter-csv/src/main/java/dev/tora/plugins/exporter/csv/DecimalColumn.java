package dev.tora.plugins.exporter.csv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the non-negative longs of one column in decimal, keeping the digits above the last five:
 * steps and timestamps of neighbouring rows share them, so most rows write a copy and five digits.
 * Not thread-safe; one per column of an export.
 */
final class DecimalColumn {

    private static final long LOW = 100_000;

    private long cachedHigh = -1;
    private byte[] cachedDigits = new byte[0];

    /** Appends {@code v} in decimal, as {@link Long#toString(long)} writes it. */
    void write(long v, RowBuffer out) throws IOException {
        if (v < LOW) {
            out.decimal(v);
            return;
        }
        long high = v / LOW;
        if (high != cachedHigh) {
            cachedDigits = Long.toString(high).getBytes(StandardCharsets.US_ASCII);
            cachedHigh = high;
        }
        out.bytes(cachedDigits);
        int low = (int) (v - high * LOW);
        out.twoDigits(low / 1000);
        out.threeDigits(low % 1000);
    }
}
