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

    /** Appends a non-negative long in decimal, digit by digit (steps and timestamps are never negative). */
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
