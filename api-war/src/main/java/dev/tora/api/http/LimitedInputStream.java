package dev.tora.api.http;

import dev.tora.core.domain.error.ToraException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/** Fails with 413 once more than {@code limit} bytes have been read. */
public final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private final String field;
    private long read;
    private boolean over;

    /** Wraps {@code in}. */
    public LimitedInputStream(InputStream in, long limit, String field) {
        super(new PushbackInputStream(in, 1));
        this.limit = limit;
        this.field = field;
    }

    /** Whether the stream has no bytes at all (peeks one byte). */
    public boolean isEmpty() {
        try {
            int b = in.read();
            if (b < 0) {
                return true;
            }
            ((PushbackInputStream) in).unread(b);
            return false;
        } catch (IOException e) {
            throw ToraException.malformed("the body could not be read");
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    /** Throws the 413 if the limit was passed (for parsers that wrap our exception). */
    public void rethrowIfOverLimit() {
        if (over) {
            throw tooLarge();
        }
    }

    private void count(int n) {
        read += n;
        if (read > limit) {
            over = true;
            throw tooLarge();
        }
    }

    private ToraException tooLarge() {
        return ToraException.tooLarge(field, "the " + field + " is larger than " + limit + " bytes", limit);
    }
}
