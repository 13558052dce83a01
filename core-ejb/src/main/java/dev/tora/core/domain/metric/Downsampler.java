package dev.tora.core.domain.metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reduces the points of one series in an x range to what a chart can draw: every point when there
 * are at most N, else at most N buckets (see {@link SeriesPoints.Buckets}), so a spike is never lost.
 *
 * <p>The cost grows with N, not with the series: when at least N sealed chunks lie wholly inside the
 * range, buckets are groups of consecutive chunks read from their headers alone, and only the
 * chunks the range cuts are decoded. Otherwise fewer than N chunks overlap the range (on monotonic
 * x; with x going back and forth more chunks may be cut) and all of them are decoded to make raw
 * points or equal-width buckets.
 */
public final class Downsampler {

    /** The largest N a query may ask for. */
    public static final int MAX_POINTS = 10_000;

    private Downsampler() {
    }

    /**
     * Points of {@code source} whose x on {@code axis} lies in {@code [from, to]} (inclusive; pass
     * Long.MIN_VALUE or Long.MAX_VALUE for an open end): raw when at most {@code maxPoints}, else at
     * most {@code maxPoints} buckets.
     */
    public static SeriesPoints query(ChunkSource source, XAxis axis, long from, long to, int maxPoints) {
        Objects.requireNonNull(axis, "axis");
        if (maxPoints < 1 || maxPoints > MAX_POINTS) {
            throw new IllegalArgumentException("points must be between 1 and " + MAX_POINTS + ", got " + maxPoints);
        }
        if (from > to) {
            return new SeriesPoints.Raw(new long[0], new double[0], new long[0]);
        }
        Overlap overlap = Overlap.of(source.headers(), axis, from, to);
        PointColumns tail = source.tail();
        long tailCount = countInRange(tail, axis, from, to);
        // Whole chunks alone already hold more than N points: no need to decode them to know.
        if (overlap.wholeChunks >= maxPoints && overlap.wholeCount + tailCount > maxPoints) {
            return chunkGroups(source, axis, from, to, overlap, tail, tailCount, maxPoints);
        }
        List<PointColumns> parts = new ArrayList<>(load(source, overlap.chunks));
        parts.add(tail);
        return pointsOrEqualWidth(parts, axis, from, to, maxPoints);
    }

    /**
     * Buckets that each take consecutive units in arrival order (a whole chunk via its header, the
     * in-range points of a cut chunk, those of the tail), balanced by point count.
     */
    private static SeriesPoints chunkGroups(ChunkSource source, XAxis axis, long from, long to, Overlap overlap,
                                            PointColumns tail, long tailCount, int maxPoints) {
        List<ChunkHeader> cut = new ArrayList<>();
        for (int i = 0; i < overlap.chunks.size(); i++) {
            if (!overlap.whole[i]) {
                cut.add(overlap.chunks.get(i));
            }
        }
        List<PointColumns> loaded = load(source, cut);
        long total = overlap.wholeCount + tailCount;
        for (PointColumns c : loaded) {
            total += countInRange(c, axis, from, to);
        }
        BucketAccumulator buckets = new BucketAccumulator(maxPoints);
        long before = 0;
        int nextCut = 0;
        for (int i = 0; i < overlap.chunks.size(); i++) {
            int b = group(before, total, maxPoints);
            if (overlap.whole[i]) {
                buckets.add(b, overlap.chunks.get(i), axis);
                before += overlap.chunks.get(i).count();
            } else {
                before += addInRange(buckets, b, loaded.get(nextCut++), axis, from, to);
            }
        }
        addInRange(buckets, group(before, total, maxPoints), tail, axis, from, to);
        return buckets.build();
    }

    /** Raw points when at most N are in range, else buckets of equal x width over their x span. */
    private static SeriesPoints pointsOrEqualWidth(List<PointColumns> parts, XAxis axis, long from, long to,
                                                   int maxPoints) {
        long count = 0;
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (PointColumns part : parts) {
            long[] xs = xs(part, axis);
            for (int i = 0; i < part.size(); i++) {
                long x = xs[i];
                if (x >= from && x <= to) {
                    count++;
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        if (count <= maxPoints) {
            return raw(parts, axis, from, to, (int) count);
        }
        // hi - lo may exceed Long.MAX_VALUE: read it as unsigned. The index is monotonic in x, so
        // each bucket is an x interval and bucket order is xStart order.
        double scale = maxPoints / (unsignedToDouble(hi - lo) + 1.0);
        BucketAccumulator buckets = new BucketAccumulator(maxPoints);
        for (PointColumns part : parts) {
            long[] xs = xs(part, axis);
            double[] values = part.valueArray();
            for (int i = 0; i < part.size(); i++) {
                long x = xs[i];
                if (x >= from && x <= to) {
                    int b = (int) Math.min(maxPoints - 1, (long) (unsignedToDouble(x - lo) * scale));
                    buckets.add(b, x, values[i]);
                }
            }
        }
        return buckets.build();
    }

    private static SeriesPoints.Raw raw(List<PointColumns> parts, XAxis axis, long from, long to, int count) {
        long[] steps = new long[count];
        double[] values = new double[count];
        long[] timestamps = new long[count];
        long[] keys = new long[count];
        int n = 0;
        for (PointColumns part : parts) {
            long[] xs = xs(part, axis);
            for (int i = 0; i < part.size(); i++) {
                if (xs[i] >= from && xs[i] <= to) {
                    keys[n] = xs[i];
                    steps[n] = part.step(i);
                    values[n] = part.value(i);
                    timestamps[n++] = part.timestamp(i);
                }
            }
        }
        int[] order = StableOrder.of(keys, count);
        var out = new SeriesPoints.Raw(new long[count], new double[count], new long[count]);
        for (int k = 0; k < count; k++) {
            out.steps()[k] = steps[order[k]];
            out.values()[k] = values[order[k]];
            out.timestamps()[k] = timestamps[order[k]];
        }
        return out;
    }

    /** The group of a unit that has {@code before} in-range points ahead of it. */
    private static int group(long before, long total, int groups) {
        return (int) Math.min(groups - 1, Math.multiplyExact(before, groups) / total);
    }

    private static long addInRange(BucketAccumulator buckets, int b, PointColumns points, XAxis axis, long from,
                                   long to) {
        long[] xs = xs(points, axis);
        double[] values = points.valueArray();
        long added = 0;
        for (int i = 0; i < points.size(); i++) {
            if (xs[i] >= from && xs[i] <= to) {
                buckets.add(b, xs[i], values[i]);
                added++;
            }
        }
        return added;
    }

    private static long countInRange(PointColumns points, XAxis axis, long from, long to) {
        long[] xs = xs(points, axis);
        long count = 0;
        for (int i = 0; i < points.size(); i++) {
            if (xs[i] >= from && xs[i] <= to) {
                count++;
            }
        }
        return count;
    }

    /** One call for all chunks, none when there are none. */
    private static List<PointColumns> load(ChunkSource source, List<ChunkHeader> chunks) {
        if (chunks.isEmpty()) {
            return List.of();
        }
        List<PointColumns> loaded = source.load(chunks);
        if (loaded.size() != chunks.size()) {
            throw new IllegalStateException("asked for " + chunks.size() + " chunks, got " + loaded.size());
        }
        return loaded;
    }

    private static long[] xs(PointColumns points, XAxis axis) {
        return axis == XAxis.STEP ? points.stepArray() : points.timestampArray();
    }

    private static double unsignedToDouble(long v) {
        // Halving keeps the conversion monotonic for values of 2^63 and more.
        return v >= 0 ? v : (v >>> 1) * 2.0;
    }

    /** The sealed chunks that overlap the range, in seq order, and which of them lie wholly inside. */
    private record Overlap(List<ChunkHeader> chunks, boolean[] whole, int wholeChunks, long wholeCount) {

        static Overlap of(List<ChunkHeader> headers, XAxis axis, long from, long to) {
            List<ChunkHeader> chunks = new ArrayList<>();
            boolean[] whole = new boolean[headers.size()];
            int wholeChunks = 0;
            long wholeCount = 0;
            for (ChunkHeader h : headers) {
                long lo = h.minX(axis);
                long hi = h.maxX(axis);
                if (h.count() <= 0 || hi < from || lo > to) {
                    continue;
                }
                if (lo >= from && hi <= to) {
                    whole[chunks.size()] = true;
                    wholeChunks++;
                    wholeCount += h.count();
                }
                chunks.add(h);
            }
            return new Overlap(chunks, whole, wholeChunks, wholeCount);
        }
    }
}
