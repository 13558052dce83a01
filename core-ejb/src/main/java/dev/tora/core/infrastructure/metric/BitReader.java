package dev.tora.core.infrastructure.metric;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads bits, most significant first, from a byte array. Every read is checked against the end,
 * so corrupt input fails with {@link IllegalArgumentException} instead of reading garbage. Column
 * decoders use the static {@link #window} on a local position instead, which the JIT keeps in a
 * register.
 */
final class BitReader {

    private static final VarHandle LONG_BE =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] data;
    private final long limit;
    private long pos;

    /** A reader over all of {@code data}. */
    BitReader(byte[] data) {
        this.data = data;
        this.limit = 8L * data.length;
    }

    /**
     * The 64 bits of {@code data} from bit {@code pos} on. At least the first 57 are real (one
     * unaligned 8-byte load); bits past the end read as 0, so callers must check their position
     * against the end after consuming.
     */
    static long window(byte[] data, long pos) {
        int i = (int) (pos >>> 3);
        long word = i + 8 <= data.length ? (long) LONG_BE.get(data, i) : lastWord(data, i);
        return word << (int) (pos & 7);
    }

    /** The exception for input that ends inside a code. */
    static IllegalArgumentException truncated() {
        return new IllegalArgumentException("metric chunk is truncated");
    }

    /** Reads {@code n} bits as an unsigned number, {@code 1 <= n <= 64}. */
    long read(int n) {
        if (n > 57) {
            long high = read(n - 32);
            return (high << 32) | read(32);
        }
        long v = window(data, pos) >>> (64 - n);
        seek(pos + n);
        return v;
    }

    /** The bytes being read. */
    byte[] data() {
        return data;
    }

    /** Position of the next bit to read. */
    long position() {
        return pos;
    }

    /** Moves to bit {@code position}, which must not lie past the end. */
    void seek(long position) {
        if (position > limit) {
            throw truncated();
        }
        pos = position;
    }

    /** Number of bits not yet consumed. */
    long remaining() {
        return limit - pos;
    }

    /** Number of whole bytes after the byte holding the last consumed bit. */
    int bytesAfterPosition() {
        return data.length - (int) ((pos + 7) >>> 3);
    }

    private static long lastWord(byte[] data, int i) {
        long word = 0;
        for (int k = 0; k < 8; k++) {
            word = (word << 8) | (i + k < data.length ? data[i + k] & 0xFF : 0);
        }
        return word;
    }
}
