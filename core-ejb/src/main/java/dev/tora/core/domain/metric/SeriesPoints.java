package dev.tora.core.domain.metric;

/** The answer to a points query: raw points when few enough, else buckets. */
public sealed interface SeriesPoints permits SeriesPoints.Raw, SeriesPoints.Buckets {

    /**
     * Every point in the range, ordered by x (stable: points with the same x keep arrival order).
     */
    record Raw(long[] steps, double[] values, long[] timestamps) implements SeriesPoints {
        /** Number of points. */
        public int size() {
            return steps.length;
        }
    }

    /**
     * At most N buckets ordered by {@code xStart}. Each point of the range belongs to exactly one
     * bucket, and its x lies in {@code [xStart, xEnd]} of that bucket (the smallest and largest x of
     * the bucket's points). {@code min}, {@code max} and {@code mean} cover finite values only and
     * are NaN when a bucket has none; {@code first} and {@code last} are the values of the
     * bucket's first and last point in arrival order (possibly non-finite); {@code nonfinite}
     * counts NaN and infinite values.
     */
    record Buckets(long[] xStart, long[] xEnd, long[] count, double[] min, double[] max, double[] first,
                   double[] last, double[] mean, long[] nonfinite) implements SeriesPoints {
        /** Number of buckets. */
        public int size() {
            return xStart.length;
        }
    }
}
