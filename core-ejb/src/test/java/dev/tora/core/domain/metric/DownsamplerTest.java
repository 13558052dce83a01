package dev.tora.core.domain.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

    @Test
    void rangeWithAtMostNPointsIsReturnedRaw() {
        InMemoryChunkSource source = new InMemoryChunkSource(curve(2500), 1000, 500);

        var raw = assertInstanceOf(SeriesPoints.Raw.class, Downsampler.query(source, XAxis.STEP, 990, 2019, 1030));

        assertEquals(1030, raw.size());
        assertEquals(990, raw.steps()[0]);
        assertEquals(2019, raw.steps()[1029]);
    }

    @Test
    void oneMorePointThanNGivesBuckets() {
        InMemoryChunkSource source = new InMemoryChunkSource(curve(2500), 1000, 500);

        var buckets = assertInstanceOf(SeriesPoints.Buckets.class,
                Downsampler.query(source, XAxis.STEP, 990, 2019, 1029));

        assertEquals(1030, Arrays.stream(buckets.count()).sum());
    }

    @Test
    void rawPointsAreSortedByXKeepingArrivalOrderForEqualX() {
        PointColumns points = new PointColumns(8);
        points.add(100, 1, 10);
        points.add(5, 2, 11);
        points.add(100, 3, 12);
        points.add(5, 4, 13);
        points.add(7, 5, 14);

        var raw = (SeriesPoints.Raw) Downsampler.query(new InMemoryChunkSource(points, 2, 1), XAxis.STEP,
                Long.MIN_VALUE, Long.MAX_VALUE, 10);

        assertArrayEquals(new long[] {5, 5, 7, 100, 100}, raw.steps());
        assertArrayEquals(new double[] {2, 4, 5, 1, 3}, raw.values());
    }

    @Test
    void spikeInsideWholeChunkIsKept() {
        PointColumns points = curve(100_000);
        points.valueArray()[45_678] = 1e9;
        points.valueArray()[45_679] = Double.NaN;
        InMemoryChunkSource source = new InMemoryChunkSource(points, 1000, 0);

        var buckets = (SeriesPoints.Buckets) Downsampler.query(source, XAxis.STEP, Long.MIN_VALUE, Long.MAX_VALUE, 10);

        assertEquals(0, source.loadedChunks(), "every chunk is whole: headers suffice");
        int k = bucketHolding(buckets, 45_678);
        assertEquals(1e9, buckets.max()[k]);
        assertEquals(1, buckets.nonfinite()[k]);
        assertEquals(1e9, Arrays.stream(buckets.max()).max().orElseThrow());
    }

    @Test
    void spikeInsideCutChunkIsKept() {
        PointColumns points = curve(5000);
        points.valueArray()[1234] = -1e9;
        InMemoryChunkSource source = new InMemoryChunkSource(points, 1000, 0);

        var buckets = (SeriesPoints.Buckets) Downsampler.query(source, XAxis.STEP, 1200, 4500, 3);

        assertEquals(-1e9, buckets.min()[bucketHolding(buckets, 1234)]);
        assertEquals(3301, Arrays.stream(buckets.count()).sum());
    }

    @Test
    void bucketWithoutFiniteValuesHasNaNStatisticsAndCountsThem() {
        PointColumns points = new PointColumns(3000);
        for (int i = 0; i < 3000; i++) {
            points.add(i, i < 1000 ? Double.POSITIVE_INFINITY : 1.0, i);
        }

        var buckets = (SeriesPoints.Buckets) Downsampler.query(new InMemoryChunkSource(points, 1000, 0), XAxis.STEP,
                Long.MIN_VALUE, Long.MAX_VALUE, 3);

        assertEquals(1000, buckets.nonfinite()[0]);
        assertEquals(Double.NaN, buckets.min()[0]);
        assertEquals(Double.NaN, buckets.mean()[0]);
        assertEquals(Double.POSITIVE_INFINITY, buckets.first()[0]);
        assertEquals(1.0, buckets.mean()[1]);
    }

    @Test
    void tenMillionPointSeriesLoadsOnlyTheTwoCutChunks() {
        SyntheticChunkSource source = new SyntheticChunkSource(10_000, 1000, 700);

        var buckets = (SeriesPoints.Buckets) Downsampler.query(source, XAxis.STEP, 1500, 9_998_499, 1000);

        assertEquals(1, source.loadCalls());
        assertEquals(2, source.loadedChunks());
        assertEquals(1000, buckets.size());
        assertEquals(9_998_499 - 1500 + 1, Arrays.stream(buckets.count()).sum());
        assertEquals(1500, buckets.xStart()[0]);
        assertEquals(9_998_499, buckets.xEnd()[999]);
    }

    @Test
    void tenMillionPointSeriesOverOpenTimeRangeLoadsNoChunk() {
        SyntheticChunkSource source = new SyntheticChunkSource(10_000, 1000, 700);

        var buckets = (SeriesPoints.Buckets) Downsampler.query(source, XAxis.TIME, Long.MIN_VALUE, Long.MAX_VALUE,
                1000);

        assertEquals(0, source.loadedChunks());
        assertEquals(10_000_700, Arrays.stream(buckets.count()).sum());
        assertEquals(SyntheticChunkSource.time(10_000_699), buckets.xEnd()[buckets.size() - 1]);
    }

    @Test
    void fewerWholeChunksThanNAreLoadedInOneCall() {
        SyntheticChunkSource source = new SyntheticChunkSource(100, 1000, 0);

        var buckets = (SeriesPoints.Buckets) Downsampler.query(source, XAxis.STEP, 500, 50_499, 2000);

        assertEquals(1, source.loadCalls());
        assertEquals(51, source.loadedChunks());
        assertEquals(2000, buckets.size());
        assertEquals(25, buckets.count()[0]);
    }

    @Test
    void equalWidthBucketsSpanTheWholeLongRangeWithoutOverflow() {
        PointColumns points = new PointColumns(4);
        points.add(0, 1, Long.MIN_VALUE);
        points.add(1, 2, Long.MIN_VALUE + 1);
        points.add(2, 3, Long.MAX_VALUE - 1);
        points.add(3, 4, Long.MAX_VALUE);

        var buckets = (SeriesPoints.Buckets) Downsampler.query(new InMemoryChunkSource(points, 2, 0), XAxis.TIME,
                Long.MIN_VALUE, Long.MAX_VALUE, 2);

        assertArrayEquals(new long[] {Long.MIN_VALUE, Long.MAX_VALUE - 1}, buckets.xStart());
        assertArrayEquals(new long[] {Long.MIN_VALUE + 1, Long.MAX_VALUE}, buckets.xEnd());
        assertArrayEquals(new double[] {1.5, 3.5}, buckets.mean());
    }

    @Test
    void emptyOrInvertedRangeGivesNoPoints() {
        InMemoryChunkSource source = new InMemoryChunkSource(curve(3000), 1000, 0);

        assertEquals(0, ((SeriesPoints.Raw) Downsampler.query(source, XAxis.STEP, 10, 9, 5)).size());
        assertEquals(0, ((SeriesPoints.Raw) Downsampler.query(source, XAxis.STEP, 5000, 6000, 5)).size());
        assertEquals(0, source.loadCalls());
    }

    @Test
    void pointsOutsideOneToTenThousandAreRejected() {
        InMemoryChunkSource source = new InMemoryChunkSource(curve(10), 1000, 10);

        assertThrows(IllegalArgumentException.class, () -> Downsampler.query(source, XAxis.STEP, 0, 9, 0));
        assertThrows(IllegalArgumentException.class, () -> Downsampler.query(source, XAxis.STEP, 0, 9, 10_001));
    }

    /** Consecutive steps from 0, a timestamp every 100 ms, a decaying loss. */
    private static PointColumns curve(int n) {
        PointColumns points = new PointColumns(n);
        for (int i = 0; i < n; i++) {
            points.add(i, Math.exp(-i / 1000.0), 1_700_000_000_000L + 100L * i);
        }
        return points;
    }

    private static int bucketHolding(SeriesPoints.Buckets buckets, long x) {
        for (int k = 0; k < buckets.size(); k++) {
            if (buckets.xStart()[k] <= x && x <= buckets.xEnd()[k]) {
                return k;
            }
        }
        throw new AssertionError("no bucket holds " + x);
    }
}
