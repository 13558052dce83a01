package dev.tora.plugins.exporter.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A byte buffer in front of the output stream. Rows are almost all ASCII digits, so numbers are
 * written as bytes directly instead of through a character encoder; text goes through UTF-8.
 * Not thread-safe; never closes the stream.
 */
final class RowBuffer {

    /** "00", "01", ... "99". */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int used;

    RowBuffer(OutputStream out) {
        this.out = out;
    }

    /** Appends pre-encoded bytes. */
    void bytes(byte[] b) throws IOException {
        if (b.length > buffer.length - used) {
            flushBuffer();
            if (b.length > buffer.length) {
                out.write(b);
                return;
            }
        }
        System.arraycopy(b, 0, buffer, used, b.length);
        used += b.length;
    }

    /** Appends one ASCII character. */
    void ascii(char c) throws IOException {
        if (used == buffer.length) {
            flushBuffer();
        }
        buffer[used++] = (byte) c;
    }

    /** Appends an ASCII string, such as a number's text. */
    @SuppressWarnings("deprecation") // the one String method that copies Latin-1 bytes without allocating
    void ascii(String s) throws IOException {
        int n = s.length();
        if (n > buffer.length - used) {
            flushBuffer();
        }
        s.getBytes(0, n, buffer, used);
        used += n;
    }

    /**
     * Appends a long in decimal. Non-negative values (steps and timestamps always are) are written
     * two digits at a time from a table, eight digits per long division.
     */
    void decimal(long v) throws IOException {
        if (v < 0) {
            ascii(Long.toString(v));
            return;
        }
        if (buffer.length - used < 20) {
            flushBuffer();
        }
        int at = used + digits(v);
        used = at;
        while (v >= 100_000_000L) {
            long q = v / 100_000_000L;
            int r = (int) (v - q * 100_000_000L);
            for (int k = 0; k < 4; k++) {
                int q2 = r / 100;
                at = pair(r - q2 * 100, at);
                r = q2;
            }
            v = q;
        }
        int i = (int) v;
        while (i >= 100) {
            int q = i / 100;
            at = pair(i - q * 100, at);
            i = q;
        }
        if (i >= 10) {
            pair(i, at);
        } else {
            buffer[at - 1] = (byte) ('0' + i);
        }
    }

    /** Appends {@code v} (0 to 99) as exactly two digits. */
    void twoDigits(int v) throws IOException {
        if (buffer.length - used < 2) {
            flushBuffer();
        }
        used += 2;
        pair(v, used);
    }

    /** Appends {@code v} (0 to 999) as exactly three digits. */
    void threeDigits(int v) throws IOException {
        if (buffer.length - used < 3) {
            flushBuffer();
        }
        buffer[used] = (byte) ('0' + v / 100);
        used += 3;
        pair(v % 100, used);
    }

    /** Writes the two digits of {@code v} (0 to 99) just before {@code end}; returns where they start. */
    private int pair(int v, int end) {
        buffer[end - 1] = DIGIT_PAIRS[2 * v + 1];
        buffer[end - 2] = DIGIT_PAIRS[2 * v];
        return end - 2;
    }

    private static int digits(long v) {
        int d = 1;
        for (long p = 10; d < 19 && v >= p; p *= 10) {
            d++;
        }
        return d;
    }

    /** Appends any text as UTF-8. */
    void utf8(String s) throws IOException {
        bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes what is buffered to the stream and flushes it. */
    void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    private void flushBuffer() throws IOException {
        if (used > 0) {
            out.write(buffer, 0, used);
            used = 0;
        }
    }
}
