package dev.tora.core.infrastructure.metric;

/** The step and timestamp columns of a chunk: zigzag delta-of-delta codes (see {@link ChunkCodec}). */
final class IntegerColumn {

    private IntegerColumn() {
    }

    /** Writes {@code v[from, to)}, which must not be empty. */
    static void write(BitWriter out, long[] v, int from, int to) {
        long prev = v[from];
        writeCode(out, prev);
        long prevDelta = 0;
        for (int i = from + 1; i < to; i++) {
            long delta = v[i] - prev;
            writeCode(out, delta - prevDelta);
            prevDelta = delta;
            prev = v[i];
        }
    }

    /** Reads {@code n >= 1} values into {@code v[0, n)}. */
    static void read(BitReader in, long[] v, int n) {
        byte[] data = in.data();
        long pos = in.position();
        long end = pos + in.remaining();
        long prev = 0;
        long delta = 0;
        for (int i = 0; i < n; i++) {
            // One window holds the prefix and the payload of every code but the 64-bit one.
            long w = BitReader.window(data, pos);
            long z;
            if (w >= 0) {
                z = 0;
                pos += 1;
            } else if (w << 1 >= 0) {
                z = (w << 2) >>> 57;
                pos += 9;
            } else if (w << 2 >= 0) {
                z = (w << 3) >>> 48;
                pos += 19;
            } else if (w << 3 >= 0) {
                z = (w << 4) >>> 32;
                pos += 36;
            } else {
                z = (BitReader.window(data, pos + 4) >>> 32) << 32 | BitReader.window(data, pos + 36) >>> 32;
                pos += 68;
            }
            if (pos > end) {
                throw BitReader.truncated();
            }
            delta += (z >>> 1) ^ -(z & 1);
            prev += delta;
            v[i] = prev;
            if (i == 0) {
                // D[0] is the first value itself and D[1] a plain delta: start the deltas at 0.
                delta = 0;
            }
        }
        in.seek(pos);
    }

    private static void writeCode(BitWriter out, long d) {
        long z = (d << 1) ^ (d >> 63);
        if (z == 0) {
            out.write(0, 1);
        } else if (z >>> 7 == 0) {
            out.write(0b10L << 7 | z, 9);
        } else if (z >>> 16 == 0) {
            out.write(0b110L << 16 | z, 19);
        } else if (z >>> 32 == 0) {
            out.write(0b1110L << 32 | z, 36);
        } else {
            out.write(0b1111, 4);
            out.write(z, 64);
        }
    }
}
