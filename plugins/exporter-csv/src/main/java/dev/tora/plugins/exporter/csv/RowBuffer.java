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

    /** Appends a long in decimal (non-negative ones digit by digit, without a String). */
    void decimal(long v) throws IOException {
        if (v < 0) {
            ascii(Long.toString(v));
            return;
        }
        if (buffer.length - used < 20) {
            flushBuffer();
        }
        int digits = 1;
        for (long rest = v / 10; rest > 0; rest /= 10) {
            digits++;
        }
        int at = used + digits;
        used = at;
        do {
            buffer[--at] = (byte) ('0' + (v % 10));
            v /= 10;
        } while (v > 0);
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

    /** Writes the two digits of {@code v} (0 to 99) just before {@code end}. */
    private void pair(int v, int end) {
        buffer[end - 1] = DIGIT_PAIRS[2 * v + 1];
        buffer[end - 2] = DIGIT_PAIRS[2 * v];
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
