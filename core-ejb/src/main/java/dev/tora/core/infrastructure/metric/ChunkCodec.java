package dev.tora.core.infrastructure.metric;

import dev.tora.core.domain.metric.PointColumns;
import java.util.Objects;

/**
 * Binary format of a sealed metric chunk: steps, values and timestamps of up to a few thousand
 * points, compact for training curves and exact for every double (NaN payloads, -0.0, infinities).
 *
 * <h2>Format version 1</h2>
 * <pre>
 * byte 0     format version: 1
 * bytes 1..  n, the number of points, as unsigned LEB128 (7 bits per byte, least significant
 *            group first, high bit set on every byte but the last); at most 5 bytes, n &lt; 2^31
 * then       one bit stream running to the end of the array, the most significant bit of each
 *            byte first: n step codes, then n timestamp codes, then n value codes (each column
 *            whole, in arrival order), then 0 to 7 zero bits to fill the last byte
 * </pre>
 * With n = 0 the array is only the version and count bytes.
 *
 * <p><b>Steps and timestamps</b> (signed 64-bit) are coded alike, as delta of deltas: for a column
 * v, D[0] = v[0], D[1] = v[1] - v[0] and D[i] = (v[i] - v[i-1]) - (v[i-1] - v[i-2]) for i &ge; 2,
 * all arithmetic wrapping modulo 2^64. Each D is zigzag mapped to the unsigned 64-bit
 * z = (D &lt;&lt; 1) ^ (D &gt;&gt; 63) (arithmetic shift; 0, -1, 1, -2 become 0, 1, 2, 3) and written as
 * <pre>
 * '0'                      z = 0
 * '10'   + z in 7 bits     z &lt; 2^7
 * '110'  + z in 16 bits    z &lt; 2^16
 * '1110' + z in 32 bits    z &lt; 2^32
 * '1111' + z in 64 bits    any z
 * </pre>
 * A writer picks the shortest code that fits; a reader accepts any. Consecutive steps cost 1 bit
 * a point, timestamps every 100 ms with a few ms of jitter 9 bits.
 *
 * <p><b>Values</b> are coded as in Gorilla (Pelkonen et al., VLDB 2015) on the raw IEEE 754 bits
 * b[i] ({@code Double.doubleToRawLongBits}): b[0] as 64 bits, then for each later point
 * x = b[i] ^ b[i-1] and, with the current window (L leading zero bits, M meaningful bits,
 * T = 64 - L - M trailing bits),
 * <pre>
 * '0'                                          x = 0
 * '10' + (x &gt;&gt;&gt; T) in M bits                    x fits the current window
 * '11' + L' in 5 bits + (M' - 1) in 6 bits
 *      + (x &gt;&gt;&gt; T') in M' bits                  sets the window to L', M', T' = 64 - L' - M'
 * </pre>
 * The window starts as L = 0, M = 64, T = 0. A writer uses '11' with L' = the leading zero bits of
 * x capped at 31 and T' = its trailing zero bits, unless x has at least L leading and T trailing
 * zero bits and M &le; M' + 11, in which case '10' is no longer than '11' and it writes '10'.
 *
 * <p>A reader rejects an unknown version, a count longer than 5 bytes or of 2^31 or more, a
 * count larger than a third of the stream's bits (every point costs at least 3 bits), a stream
 * that ends inside a code, a '11' code with L' + M' &gt; 64, and bytes after the padding.
 */
public final class ChunkCodec {

    /** The format version this class writes. */
    public static final int VERSION = 1;

    private ChunkCodec() {
    }

    /** Encodes points {@code [from, to)} of {@code points}. */
    public static byte[] encode(PointColumns points, int from, int to) {
        Objects.checkFromToIndex(from, to, points.size());
        BitWriter out = new BitWriter(16 + 10 * (to - from));
        out.write(VERSION, 8);
        writeCount(out, to - from);
        if (to > from) {
            IntegerColumn.write(out, points.stepArray(), from, to);
            IntegerColumn.write(out, points.timestampArray(), from, to);
            ValueColumn.write(out, points.valueArray(), from, to);
        }
        return out.toByteArray();
    }

    /** Decodes a chunk written by {@link #encode}; throws IllegalArgumentException when corrupt. */
    public static PointColumns decode(byte[] data) {
        BitReader in = new BitReader(data);
        int version = (int) in.read(8);
        if (version != VERSION) {
            throw new IllegalArgumentException("unknown metric chunk format version " + version);
        }
        int n = readCount(in);
        // Bounds the allocation below by the input's length.
        if (3L * n > in.remaining()) {
            throw new IllegalArgumentException("metric chunk count " + n + " exceeds its length");
        }
        long[] steps = new long[n];
        long[] timestamps = new long[n];
        double[] values = new double[n];
        if (n > 0) {
            IntegerColumn.read(in, steps, n);
            IntegerColumn.read(in, timestamps, n);
            ValueColumn.read(in, values, n);
        }
        if (in.bytesAfterPosition() != 0) {
            throw new IllegalArgumentException("metric chunk has " + in.bytesAfterPosition() + " trailing bytes");
        }
        return new PointColumns(steps, values, timestamps, n);
    }

    /** Decodes a chunk and appends its points to {@code target}. */
    public static void decodeInto(byte[] data, PointColumns target) {
        PointColumns points = decode(data);
        target.addAll(points, 0, points.size());
    }

    private static void writeCount(BitWriter out, int n) {
        int rest = n;
        while (rest >= 0x80) {
            out.write(0x80 | (rest & 0x7F), 8);
            rest >>>= 7;
        }
        out.write(rest, 8);
    }

    private static int readCount(BitReader in) {
        long n = 0;
        for (int i = 0; i < 5; i++) {
            long b = in.read(8);
            n |= (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (n > Integer.MAX_VALUE) {
                    break;
                }
                return (int) n;
            }
        }
        throw new IllegalArgumentException("metric chunk count is too large");
    }
}
