package dev.tora.core.infrastructure.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tora.core.domain.metric.PointColumns;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkCodecTest {

    private static final long START = 1_700_000_000_000L;

    @Test
    void noisyFullPrecisionLossCurveCostsAtMostTwelveBytesAPoint() {
        double bytesPerPoint = bytesPerPoint(lossCurve(1000, false));

        System.out.printf("noisy float64 loss, consecutive steps, ~100 ms: %.2f bytes/point%n", bytesPerPoint);
        assertTrue(bytesPerPoint <= 12, bytesPerPoint + " bytes/point");
    }

    @Test
    void float32LossCurveCostsMuchLess() {
        double bytesPerPoint = bytesPerPoint(lossCurve(1000, true));

        System.out.printf("noisy float32 loss, consecutive steps, ~100 ms: %.2f bytes/point%n", bytesPerPoint);
        assertTrue(bytesPerPoint <= 6, bytesPerPoint + " bytes/point");
    }

    @Test
    void consecutiveStepsAndJitteredTimestampsCostAboutOneBitAndOneByte() {
        PointColumns curve = lossCurve(1000, false);
        Arrays.fill(curve.valueArray(), 0, 1000, 0.5);

        double bytesPerPoint = bytesPerPoint(curve);

        // Constant values cost 1 bit, consecutive steps 1 bit, timestamps 9 bits.
        System.out.printf("constant value, consecutive steps, ~100 ms: %.2f bytes/point%n", bytesPerPoint);
        assertTrue(bytesPerPoint <= 1.5, bytesPerPoint + " bytes/point");
    }

    @Test
    void extremeValuesRoundTripBitExactly() {
        double[] values = {Double.NaN, Double.longBitsToDouble(0x7ff0_0000_0000_0001L),
                Double.longBitsToDouble(0xfff8_dead_beef_0001L), -0.0, 0.0, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL / 3,
                Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, 1.0, -0.0};
        long[] longs = {0, Long.MIN_VALUE, Long.MAX_VALUE, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53,
                (1L << 53) - 1, 42, 41, 41, -7, Long.MAX_VALUE, 0};
        PointColumns points = new PointColumns(longs.length);
        for (int i = 0; i < longs.length; i++) {
            points.add(Math.abs(longs[longs.length - 1 - i] % (1L << 53)), values[i], longs[i]);
        }

        assertSame(points, 0, points.size(), ChunkCodec.decode(ChunkCodec.encode(points, 0, points.size())));
    }

    @Test
    void subRangeIsEncodedAlone() {
        PointColumns curve = lossCurve(100, false);

        PointColumns decoded = ChunkCodec.decode(ChunkCodec.encode(curve, 10, 30));

        assertSame(curve, 10, 30, decoded);
    }

    @Test
    void emptyRangeRoundTrips() {
        byte[] data = ChunkCodec.encode(lossCurve(10, false), 5, 5);

        assertArrayEquals(new byte[] {1, 0}, data);
        assertEquals(0, ChunkCodec.decode(data).size());
    }

    @Test
    void decodeIntoAppends() {
        PointColumns curve = lossCurve(50, false);
        PointColumns target = new PointColumns(1);

        ChunkCodec.decodeInto(ChunkCodec.encode(curve, 0, 20), target);
        ChunkCodec.decodeInto(ChunkCodec.encode(curve, 20, 50), target);

        assertSame(curve, 0, 50, target);
    }

    @Test
    void everyTruncationIsRejected() {
        byte[] data = ChunkCodec.encode(lossCurve(200, false), 0, 200);

        for (int length = 0; length < data.length; length++) {
            byte[] cut = Arrays.copyOf(data, length);
            assertThrows(IllegalArgumentException.class, () -> ChunkCodec.decode(cut), "length " + length);
        }
    }

    @Test
    void unknownVersionIsRejected() {
        byte[] data = ChunkCodec.encode(lossCurve(20, false), 0, 20);
        data[0] = 2;

        var e = assertThrows(IllegalArgumentException.class, () -> ChunkCodec.decode(data));
        assertTrue(e.getMessage().contains("version 2"), e.getMessage());
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] data = ChunkCodec.encode(lossCurve(20, false), 0, 20);

        assertThrows(IllegalArgumentException.class, () -> ChunkCodec.decode(Arrays.copyOf(data, data.length + 1)));
    }

    @Test
    void hugeCountIsRejectedBeforeAllocating() {
        assertThrows(IllegalArgumentException.class,
                () -> ChunkCodec.decode(new byte[] {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07}));
        assertThrows(IllegalArgumentException.class,
                () -> ChunkCodec.decode(new byte[] {1, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x08}));
        assertThrows(IllegalArgumentException.class,
                () -> ChunkCodec.decode(new byte[] {1, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
                        (byte) 0x80, 0x01}));
    }

    @Test
    void valueWindowWiderThanSixtyFourBitsIsRejected() {
        BitWriter out = new BitWriter(32);
        out.write(ChunkCodec.VERSION, 8);
        out.write(2, 8);
        out.write(0b00, 2);
        out.write(0b00, 2);
        out.write(Double.doubleToRawLongBits(1.0), 64);
        out.write(0b11L << 11 | 31L << 6 | 63, 13);
        out.write(-1L, 64);

        var e = assertThrows(IllegalArgumentException.class, () -> ChunkCodec.decode(out.toByteArray()));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    /** {@code Math.exp(-i/300) + noise}, consecutive steps, a timestamp every 100 ms +- 3 ms. */
    static PointColumns lossCurve(int n, boolean float32) {
        Random random = new Random(7);
        PointColumns points = new PointColumns(n);
        for (int i = 0; i < n; i++) {
            double v = Math.exp(-i / 300.0) + 0.01 * random.nextGaussian();
            points.add(12_000 + i, float32 ? (float) v : v, START + 100L * i + random.nextInt(7) - 3);
        }
        return points;
    }

    /** Asserts that {@code decoded} holds points {@code [from, to)} of {@code expected}, bit for bit. */
    static void assertSame(PointColumns expected, int from, int to, PointColumns decoded) {
        assertEquals(to - from, decoded.size());
        for (int i = from; i < to; i++) {
            int j = i - from;
            assertEquals(expected.step(i), decoded.step(j), "step " + i);
            assertEquals(expected.timestamp(i), decoded.timestamp(j), "timestamp " + i);
            assertEquals(Double.doubleToRawLongBits(expected.value(i)), Double.doubleToRawLongBits(decoded.value(j)),
                    "value " + i);
        }
    }

    private static double bytesPerPoint(PointColumns points) {
        byte[] data = ChunkCodec.encode(points, 0, points.size());
        assertSame(points, 0, points.size(), ChunkCodec.decode(data));
        return (double) data.length / points.size();
    }
}
