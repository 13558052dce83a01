package dev.tora.core.domain.metric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The downsampler against brute force on seeded random series (see {@link RandomSeries}). */
class DownsamplerReferenceTest {

    private static final int CASES = 1000;

    @Test
    void randomQueriesMatchBruteForce() {
        int raw = 0;
        int strong = 0;
        int weak = 0;
        int fromHeaders = 0;
        for (long seed = 0; seed < CASES; seed++) {
            RandomSeries.Case c = RandomSeries.generate(seed);
            InMemoryChunkSource source = c.source();
            SeriesPoints result = Downsampler.query(source, c.axis(), c.from(), c.to(), c.maxPoints());
            Expected expected = new Expected(c);
            String where = c.toString();
            assertTrue(source.loadCalls() <= 1, where + ": load called " + source.loadCalls() + " times");
            if (expected.count <= c.maxPoints()) {
                checkRaw(assertInstanceOf(SeriesPoints.Raw.class, result, where), expected, where);
                raw++;
                continue;
            }
            SeriesPoints.Buckets buckets = assertInstanceOf(SeriesPoints.Buckets.class, result, where);
            fromHeaders += source.loadedChunks() < wholeChunks(source, c) ? 1 : 0;
            checkInvariants(buckets, expected, c, where);
            if (expected.monotonic()) {
                checkAgainstRuns(buckets, expected, where);
                strong++;
            } else {
                checkEveryPointCovered(buckets, expected, where);
                weak++;
            }
        }
        // The generator must reach every branch, or the loop above proves little.
        assertTrue(raw > 50 && strong > 50 && weak > 20 && fromHeaders > 50,
                "raw " + raw + ", strong " + strong + ", weak " + weak + ", from headers " + fromHeaders);
    }

    private static long wholeChunks(InMemoryChunkSource source, RandomSeries.Case c) {
        return source.headers().stream()
                .filter(h -> h.minX(c.axis()) >= c.from() && h.maxX(c.axis()) <= c.to()).count();
    }

    /** In-range points in arrival order, and the same stably sorted by x. */
    private static final class Expected {
        final int count;
        final long[] xs;
        final long[] steps;
        final double[] values;
        final long[] times;

        Expected(RandomSeries.Case c) {
            PointColumns p = c.points();
            int[] in = IntStream.range(0, p.size())
                    .filter(i -> p.x(c.axis(), i) >= c.from() && p.x(c.axis(), i) <= c.to()).toArray();
            count = in.length;
            xs = Arrays.stream(in).mapToLong(i -> p.x(c.axis(), i)).toArray();
            steps = Arrays.stream(in).mapToLong(p::step).toArray();
            values = Arrays.stream(in).mapToDouble(p::value).toArray();
            times = Arrays.stream(in).mapToLong(p::timestamp).toArray();
        }

        boolean monotonic() {
            return IntStream.range(1, count).allMatch(i -> xs[i - 1] <= xs[i]);
        }

        int[] sortedOrder() {
            // Boxed sort is stable, which is the reference for the raw order.
            return IntStream.range(0, count).boxed()
                    .sorted((a, b) -> Long.compare(xs[a], xs[b])).mapToInt(Integer::intValue).toArray();
        }
    }

    private static void checkRaw(SeriesPoints.Raw raw, Expected e, String where) {
        int[] order = e.sortedOrder();
        assertArrayEquals(Arrays.stream(order).mapToLong(i -> e.steps[i]).toArray(), raw.steps(), where);
        assertArrayEquals(Arrays.stream(order).mapToLong(i -> e.times[i]).toArray(), raw.timestamps(), where);
        assertArrayEquals(Arrays.stream(order).mapToLong(i -> Double.doubleToRawLongBits(e.values[i])).toArray(),
                Arrays.stream(raw.values()).mapToLong(Double::doubleToRawLongBits).toArray(), where);
    }

    private static void checkInvariants(SeriesPoints.Buckets b, Expected e, RandomSeries.Case c, String where) {
        assertTrue(b.size() >= 1 && b.size() <= c.maxPoints(), where + ": " + b.size() + " buckets");
        long total = 0;
        long nonfinite = 0;
        double min = Double.NaN;
        double max = Double.NaN;
        for (int k = 0; k < b.size(); k++) {
            String at = where + ", bucket " + k;
            assertTrue(b.count()[k] >= 1, at);
            assertTrue(c.from() <= b.xStart()[k] && b.xStart()[k] <= b.xEnd()[k] && b.xEnd()[k] <= c.to(), at);
            assertTrue(k == 0 || b.xStart()[k - 1] <= b.xStart()[k], at + ": not ordered by xStart");
            boolean anyFinite = b.nonfinite()[k] < b.count()[k];
            assertEquals(anyFinite, !Double.isNaN(b.min()[k]), at);
            assertEquals(anyFinite, !Double.isNaN(b.max()[k]), at);
            assertEquals(anyFinite, !Double.isNaN(b.mean()[k]), at);
            if (anyFinite) {
                assertTrue(b.min()[k] <= b.max()[k], at);
                assertTrue(b.mean()[k] >= b.min()[k] - 1e-9 && b.mean()[k] <= b.max()[k] + 1e-9, at);
                min = Double.isNaN(min) ? b.min()[k] : Math.min(min, b.min()[k]);
                max = Double.isNaN(max) ? b.max()[k] : Math.max(max, b.max()[k]);
            }
            total += b.count()[k];
            nonfinite += b.nonfinite()[k];
        }
        Stats all = Stats.of(e.xs, e.values, 0, e.count);
        assertEquals(e.count, total, where + ": points lost or duplicated");
        assertEquals(all.nonfinite, nonfinite, where);
        assertEquals(all.min, min, where + ": global min lost");
        assertEquals(all.max, max, where + ": global max lost");
    }

    /**
     * With x never going back, every bucket holds a run of consecutive in-range points: bucket k
     * takes the next count[k] of them, and its statistics must be exactly theirs.
     */
    private static void checkAgainstRuns(SeriesPoints.Buckets b, Expected e, String where) {
        int next = 0;
        for (int k = 0; k < b.size(); k++) {
            String at = where + ", bucket " + k;
            int end = next + (int) b.count()[k];
            Stats s = Stats.of(e.xs, e.values, next, end);
            assertEquals(s.xStart, b.xStart()[k], at);
            assertEquals(s.xEnd, b.xEnd()[k], at);
            assertTrue(k == 0 || b.xEnd()[k - 1] <= b.xStart()[k], at + ": buckets overlap");
            assertEquals(s.min, b.min()[k], at);
            assertEquals(s.max, b.max()[k], at);
            assertEquals(s.nonfinite, b.nonfinite()[k], at);
            assertEquals(Double.doubleToRawLongBits(e.values[next]), Double.doubleToRawLongBits(b.first()[k]), at);
            assertEquals(Double.doubleToRawLongBits(e.values[end - 1]), Double.doubleToRawLongBits(b.last()[k]), at);
            assertEquals(s.mean, b.mean()[k], 1e-10 * (1 + s.meanAbs), at);
            next = end;
        }
    }

    /** Without run structure: each point lies in some bucket whose x range and value range hold it. */
    private static void checkEveryPointCovered(SeriesPoints.Buckets b, Expected e, String where) {
        long[] reach = new long[b.size()];
        double finiteSum = 0;
        double absSum = 0;
        for (int k = 0; k < b.size(); k++) {
            reach[k] = Math.max(k == 0 ? Long.MIN_VALUE : reach[k - 1], b.xEnd()[k]);
            long finite = b.count()[k] - b.nonfinite()[k];
            finiteSum += finite == 0 ? 0 : b.mean()[k] * finite;
        }
        double expectedSum = 0;
        for (int i = 0; i < e.count; i++) {
            long x = e.xs[i];
            double v = e.values[i];
            if (Double.isFinite(v)) {
                expectedSum += v;
                absSum += Math.abs(v);
            }
            boolean covered = false;
            // Buckets are ordered by xStart; reach[k] is the largest xEnd among the first k + 1.
            for (int k = lastStartAtMost(b.xStart(), x); k >= 0 && reach[k] >= x && !covered; k--) {
                covered = b.xEnd()[k] >= x && (!Double.isFinite(v) || (b.min()[k] <= v && v <= b.max()[k]));
            }
            assertTrue(covered, where + ": no bucket holds point x=" + x + " v=" + v);
        }
        assertEquals(expectedSum, finiteSum, 1e-9 * (1 + absSum), where);
    }

    private static int lastStartAtMost(long[] starts, long x) {
        int lo = 0;
        int hi = starts.length - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= x) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Brute-force statistics of points {@code [from, to)}. */
    private record Stats(long xStart, long xEnd, double min, double max, double mean, double meanAbs, long nonfinite) {

        static Stats of(long[] xs, double[] values, int from, int to) {
            long xStart = Long.MAX_VALUE;
            long xEnd = Long.MIN_VALUE;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            double abs = 0;
            long finite = 0;
            for (int i = from; i < to; i++) {
                xStart = Math.min(xStart, xs[i]);
                xEnd = Math.max(xEnd, xs[i]);
                if (Double.isFinite(values[i])) {
                    min = Math.min(min, values[i]);
                    max = Math.max(max, values[i]);
                    sum += values[i];
                    abs += Math.abs(values[i]);
                    finite++;
                }
            }
            return finite == 0
                    ? new Stats(xStart, xEnd, Double.NaN, Double.NaN, Double.NaN, 0, to - from)
                    : new Stats(xStart, xEnd, min, max, sum / finite, abs / finite, to - from - finite);
        }
    }
}
