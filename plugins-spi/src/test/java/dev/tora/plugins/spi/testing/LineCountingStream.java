package dev.tora.plugins.spi.testing;

import java.io.OutputStream;

/** Discards what it is given and counts the LF bytes, so big exports need no memory. */
public final class LineCountingStream extends OutputStream {

    private long lines;

    @Override
    public void write(int b) {
        if (b == '\n') {
            lines++;
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            if (b[i] == '\n') {
                lines++;
            }
        }
    }

    /** LF bytes seen so far. */
    public long lines() {
        return lines;
    }
}
