package dev.tora.core.infrastructure.metric;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** Appends bits, most significant first, to a growable byte array. */
final class BitWriter {

    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] buf;
    private int len;
    /** Pending bits, left-aligned; flushed as one 8-byte word when full, so bytes are not written one by one. */
    private long acc;
    private int fill;

    /** A writer expecting about {@code capacity} bytes. */
    BitWriter(int capacity) {
        buf = new byte[Math.max(capacity, 16)];
    }

    /** Writes the low {@code n} bits of {@code v}, {@code 1 <= n <= 64}. */
    void write(long v, int n) {
        v &= -1L >>> (64 - n);
        int free = 64 - fill;
        if (n < free) {
            acc |= v << (free - n);
            fill += n;
            return;
        }
        int rest = n - free;
        flush(acc | (v >>> rest));
        acc = rest == 0 ? 0 : v << (64 - rest);
        fill = rest;
    }

    /** Everything written so far, the last byte padded with zero bits. */
    byte[] toByteArray() {
        byte[] out = Arrays.copyOf(buf, len + (fill + 7) / 8);
        for (int i = 0; i < (fill + 7) / 8; i++) {
            out[len + i] = (byte) (acc >>> (56 - 8 * i));
        }
        return out;
    }

    private void flush(long word) {
        if (len + 8 > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + 8));
        }
        LONG_BE.set(buf, len, word);
        len += 8;
    }
}
