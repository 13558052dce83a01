package dev.tora.core.domain.metric;

import java.util.Arrays;

/** Running statistics of up to N buckets, fed points or whole chunks in arrival order. */
final class BucketAccumulator {

    private final long[] xStart;
    private final long[] xEnd;
    private final long[] count;
    private final long[] finite;
    private final long[] nonfinite;
    private final double[] min;
    private final double[] max;
    private final double[] sum;
    private final double[] first;
    private final double[] last;

    /** Room for buckets {@code 0..n-1}, all empty. */
    BucketAccumulator(int n) {
        xStart = new long[n];
        xEnd = new long[n];
        count = new long[n];
        finite = new long[n];
        nonfinite = new long[n];
        min = new double[n];
        max = new double[n];
        sum = new double[n];
        first = new double[n];
        last = new double[n];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    /** Adds one point to bucket {@code b}. */
    void add(int b, long x, double v) {
        if (count[b] == 0) {
            xStart[b] = x;
            xEnd[b] = x;
            first[b] = v;
        } else {
            xStart[b] = Math.min(xStart[b], x);
            xEnd[b] = Math.max(xEnd[b], x);
        }
        count[b]++;
        last[b] = v;
        if (Double.isFinite(v)) {
            finite[b]++;
            sum[b] += v;
            min[b] = Math.min(min[b], v);
            max[b] = Math.max(max[b], v);
        } else {
            nonfinite[b]++;
        }
    }

    /** Adds every point of the chunk behind {@code h} to bucket {@code b}, from its header alone. */
    void add(int b, ChunkHeader h, XAxis axis) {
        if (count[b] == 0) {
            xStart[b] = h.minX(axis);
            xEnd[b] = h.maxX(axis);
            first[b] = h.first();
        } else {
            xStart[b] = Math.min(xStart[b], h.minX(axis));
            xEnd[b] = Math.max(xEnd[b], h.maxX(axis));
        }
        count[b] += h.count();
        last[b] = h.last();
        nonfinite[b] += h.nonfinite();
        if (h.count() > h.nonfinite()) {
            finite[b] += h.count() - h.nonfinite();
            sum[b] += h.sum();
            min[b] = Math.min(min[b], h.minValue());
            max[b] = Math.max(max[b], h.maxValue());
        }
    }

    /** The non-empty buckets, ordered stably by xStart. */
    SeriesPoints.Buckets build() {
        int n = 0;
        long[] starts = new long[count.length];
        int[] index = new int[count.length];
        for (int b = 0; b < count.length; b++) {
            if (count[b] > 0) {
                starts[n] = xStart[b];
                index[n++] = b;
            }
        }
        int[] order = StableOrder.of(starts, n);
        var out = new SeriesPoints.Buckets(new long[n], new long[n], new long[n], new double[n],
                new double[n], new double[n], new double[n], new double[n], new long[n]);
        for (int k = 0; k < n; k++) {
            int b = index[order[k]];
            boolean anyFinite = finite[b] > 0;
            out.xStart()[k] = xStart[b];
            out.xEnd()[k] = xEnd[b];
            out.count()[k] = count[b];
            out.min()[k] = anyFinite ? min[b] : Double.NaN;
            out.max()[k] = anyFinite ? max[b] : Double.NaN;
            out.first()[k] = first[b];
            out.last()[k] = last[b];
            out.mean()[k] = anyFinite ? sum[b] / finite[b] : Double.NaN;
            out.nonfinite()[k] = nonfinite[b];
        }
        return out;
    }
}
