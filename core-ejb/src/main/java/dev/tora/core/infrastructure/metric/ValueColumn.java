package dev.tora.core.infrastructure.metric;

/** The value column of a chunk: Gorilla XOR codes over raw double bits (see {@link ChunkCodec}). */
final class ValueColumn {

    /** A '11' code's header (L' and M' - 1) costs this many bits more than a '10' code. */
    private static final int HEADER_BITS = 11;
    private static final int MAX_LEADING = 31;

    private ValueColumn() {
    }

    /** Writes {@code v[from, to)}, which must not be empty. */
    static void write(BitWriter out, double[] v, int from, int to) {
        long prev = Double.doubleToRawLongBits(v[from]);
        out.write(prev, 64);
        int lead = 0;
        int trail = 0;
        for (int i = from + 1; i < to; i++) {
            long bits = Double.doubleToRawLongBits(v[i]);
            long x = bits ^ prev;
            prev = bits;
            if (x == 0) {
                out.write(0, 1);
                continue;
            }
            int l = Math.min(Long.numberOfLeadingZeros(x), MAX_LEADING);
            int t = Long.numberOfTrailingZeros(x);
            int windowBits = 64 - lead - trail;
            int meaningful = 64 - l - t;
            if (l >= lead && t >= trail && windowBits <= meaningful + HEADER_BITS) {
                out.write(0b10, 2);
                out.write(x >>> trail, windowBits);
            } else {
                out.write(0b11L << 11 | (long) l << 6 | (meaningful - 1), 13);
                out.write(x >>> t, meaningful);
                lead = l;
                trail = t;
            }
        }
    }

    /** Reads {@code n >= 1} values into {@code v[0, n)}. */
    static void read(BitReader in, double[] v, int n) {
        long prev = in.read(64);
        v[0] = Double.longBitsToDouble(prev);
        byte[] data = in.data();
        long pos = in.position();
        long end = pos + in.remaining();
        int windowBits = 64;
        int trail = 0;
        for (int i = 1; i < n; i++) {
            long w = BitReader.window(data, pos);
            if (w >= 0) {
                pos += 1;
            } else {
                if (w << 1 >= 0) {
                    pos += 2;
                } else {
                    int lead = (int) ((w << 2) >>> 59);
                    windowBits = (int) ((w << 7) >>> 58) + 1;
                    trail = 64 - lead - windowBits;
                    if (trail < 0) {
                        throw new IllegalArgumentException("metric chunk has a corrupt value code");
                    }
                    pos += 13;
                }
                prev ^= meaningful(data, pos, windowBits) << trail;
                pos += windowBits;
            }
            if (pos > end) {
                throw BitReader.truncated();
            }
            v[i] = Double.longBitsToDouble(prev);
        }
        in.seek(pos);
    }

    /** The {@code bits} bits from {@code pos} on, {@code 1 <= bits <= 64}, as an unsigned number. */
    private static long meaningful(byte[] data, long pos, int bits) {
        if (bits <= 57) {
            return BitReader.window(data, pos) >>> (64 - bits);
        }
        return (BitReader.window(data, pos) >>> 32) << (bits - 32) | BitReader.window(data, pos + 32) >>> (96 - bits);
    }
}
