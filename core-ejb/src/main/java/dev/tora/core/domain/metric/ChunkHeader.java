package dev.tora.core.domain.metric;

/**
 * Summary of one sealed chunk, kept beside its encoded points so that downsampling can use a
 * whole chunk without decoding it.
 *
 * @param seq        position of the chunk in the series, from 0, in arrival order
 * @param count      number of points
 * @param minStep    smallest step
 * @param maxStep    largest step
 * @param minTime    smallest timestamp
 * @param maxTime    largest timestamp
 * @param minValue   smallest finite value, NaN when the chunk has none
 * @param maxValue   largest finite value, NaN when the chunk has none
 * @param sum        sum of the finite values (0 when none)
 * @param first      value of the first point to arrive
 * @param last       value of the last point to arrive
 * @param nonfinite  how many values are NaN or infinite
 */
public record ChunkHeader(int seq, int count, long minStep, long maxStep, long minTime, long maxTime,
                          double minValue, double maxValue, double sum, double first, double last,
                          int nonfinite) {

    /** The header of points {@code [from, to)} of {@code points}, which must not be empty. */
    public static ChunkHeader of(int seq, PointColumns points, int from, int to) {
        if (to <= from) {
            throw new IllegalArgumentException("empty chunk");
        }
        long minStep = Long.MAX_VALUE;
        long maxStep = Long.MIN_VALUE;
        long minTime = Long.MAX_VALUE;
        long maxTime = Long.MIN_VALUE;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        int nonfinite = 0;
        for (int i = from; i < to; i++) {
            long s = points.step(i);
            long t = points.timestamp(i);
            double v = points.value(i);
            minStep = Math.min(minStep, s);
            maxStep = Math.max(maxStep, s);
            minTime = Math.min(minTime, t);
            maxTime = Math.max(maxTime, t);
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            } else {
                nonfinite++;
            }
        }
        boolean anyFinite = nonfinite < to - from;
        return new ChunkHeader(seq, to - from, minStep, maxStep, minTime, maxTime,
                anyFinite ? min : Double.NaN, anyFinite ? max : Double.NaN, sum,
                points.value(from), points.value(to - 1), nonfinite);
    }

    /** Smallest x on {@code axis}. */
    public long minX(XAxis axis) {
        return axis == XAxis.STEP ? minStep : minTime;
    }

    /** Largest x on {@code axis}. */
    public long maxX(XAxis axis) {
        return axis == XAxis.STEP ? maxStep : maxTime;
    }
}
