package dev.tora.core.infrastructure.metric;

import dev.tora.core.domain.metric.PointColumns;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class ChunkCodecPropertiesTest {

    record Point(long step, double value, long timestamp) {
    }

    @Property(tries = 300)
    void anyPointsRoundTripBitExactly(@ForAll("points") List<Point> points) {
        PointColumns columns = columns(points);

        PointColumns decoded = ChunkCodec.decode(ChunkCodec.encode(columns, 0, columns.size()));

        ChunkCodecTest.assertSame(columns, 0, columns.size(), decoded);
    }

    @Property(tries = 300)
    void curveLikePointsRoundTripBitExactly(@ForAll("curves") List<Point> points,
                                            @ForAll @IntRange(max = 50) int cut) {
        PointColumns columns = columns(points);
        int from = Math.min(cut, columns.size());

        PointColumns decoded = ChunkCodec.decode(ChunkCodec.encode(columns, from, columns.size()));

        ChunkCodecTest.assertSame(columns, from, columns.size(), decoded);
    }

    @Property(tries = 1000)
    void arbitraryBytesDecodeOrFailWithIllegalArgument(@ForAll @Size(max = 300) byte[] data) {
        try {
            ChunkCodec.decode(data);
        } catch (IllegalArgumentException expected) {
            // Rejected corrupt input is the contract; anything else fails the property.
        }
    }

    @Property(tries = 1000)
    void flippedBitsDecodeOrFailWithIllegalArgument(@ForAll("curves") List<Point> points,
                                                    @ForAll @IntRange(max = 100_000) int bit) {
        PointColumns columns = columns(points);
        byte[] data = ChunkCodec.encode(columns, 0, columns.size());
        int at = bit % (8 * data.length);
        data[at / 8] ^= (byte) (0x80 >>> (at % 8));
        try {
            ChunkCodec.decode(data);
        } catch (IllegalArgumentException expected) {
            // As above.
        }
    }

    @Provide
    Arbitrary<List<Point>> points() {
        Arbitrary<Long> longs = Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-3, 3),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L << 53));
        Arbitrary<Long> steps = Arbitraries.oneOf(Arbitraries.longs().between(0, (1L << 53) - 1),
                Arbitraries.longs().between(0, 5));
        Arbitrary<Double> values = Arbitraries.oneOf(Arbitraries.longs().map(Double::longBitsToDouble),
                Arbitraries.doubles(), Arbitraries.floats().map(f -> (double) f),
                Arbitraries.of(Double.NaN, -0.0, 0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE, Double.MAX_VALUE, Double.longBitsToDouble(0x7ff0_0000_0000_0001L),
                        Double.longBitsToDouble(0xfff8_0000_0000_1234L)));
        return Combinators.combine(steps, values, longs).as(Point::new).list().ofMaxSize(1500);
    }

    /** Series shaped like training logs, with repeats, backward steps and irregular gaps. */
    @Provide
    Arbitrary<List<Point>> curves() {
        return Combinators.combine(
                Arbitraries.longs().between(0, 1_000_000),
                Arbitraries.longs().between(-2_000_000_000_000L, 2_000_000_000_000L),
                Arbitraries.longs().between(-5, 1_000).list().ofMaxSize(600),
                Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.floats().map(f -> (double) f),
                        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0)).list().ofMaxSize(20))
                .as(ChunkCodecPropertiesTest::curve);
    }

    private static List<Point> curve(long step0, long time0, List<Long> gaps, int seed, List<Double> palette) {
        Random random = new Random(seed);
        List<Point> points = new ArrayList<>();
        long step = step0;
        long time = time0;
        double value = 1.0;
        for (long gap : gaps) {
            step = Math.max(0, step + (gap % 3 == 0 ? 1 : gap % 7));
            time += 100 + gap % 11;
            int pick = random.nextInt(4);
            value = pick == 0 || palette.isEmpty() ? value : pick == 1
                    ? palette.get(random.nextInt(palette.size())) : value * (1 - 1e-3 * random.nextGaussian());
            points.add(new Point(step, value, time));
        }
        return points;
    }

    private static PointColumns columns(List<Point> points) {
        PointColumns columns = new PointColumns(points.size());
        for (Point p : points) {
            columns.add(p.step(), p.value(), p.timestamp());
        }
        return columns;
    }
}
