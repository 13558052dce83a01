package dev.tora.core.domain.metric;

import java.util.Random;

/** Seeded random series and queries for checking the downsampler against brute force. */
final class RandomSeries {

    /** One query over one series. */
    record Case(long seed, PointColumns points, int chunkSize, int tailSize, XAxis axis, long from, long to,
                int maxPoints) {

        InMemoryChunkSource source() {
            return new InMemoryChunkSource(points, chunkSize, tailSize);
        }

        @Override
        public String toString() {
            return "seed " + seed + ": " + points.size() + " points, chunks of " + chunkSize + ", tail "
                    + tailSize + ", " + axis + " [" + from + ", " + to + "], N=" + maxPoints;
        }
    }

    private RandomSeries() {
    }

    /** The case drawn from {@code seed}. */
    static Case generate(long seed) {
        Random r = new Random(seed);
        int chunkSize = r.nextInt(3) == 0 ? 1 + r.nextInt(r.nextBoolean() ? 20 : 300) : 1000;
        int chunks = r.nextInt(20_000 / chunkSize + 1);
        int tailSize = r.nextInt(chunkSize);
        int n = chunks * chunkSize + tailSize;
        PointColumns points = new PointColumns(n);
        long[] steps = steps(r, n);
        long[] times = times(r, n);
        double[] values = values(r, n);
        for (int i = 0; i < n; i++) {
            points.add(steps[i], values[i], times[i]);
        }
        XAxis axis = r.nextBoolean() ? XAxis.STEP : XAxis.TIME;
        long[] xs = axis == XAxis.STEP ? steps : times;
        long from;
        long to;
        int shape = r.nextInt(20);
        if (n == 0 || shape < 4) {
            from = Long.MIN_VALUE;
            to = Long.MAX_VALUE;
        } else if (shape == 4) {
            from = nearby(r, xs[r.nextInt(n)]);
            to = from - 1 - r.nextInt(5);
        } else if (shape < 8) {
            from = r.nextBoolean() ? Long.MIN_VALUE : nearby(r, xs[r.nextInt(n)]);
            to = from == Long.MIN_VALUE ? nearby(r, xs[r.nextInt(n)]) : Long.MAX_VALUE;
        } else {
            long a = nearby(r, xs[r.nextInt(n)]);
            long b = nearby(r, xs[r.nextInt(n)]);
            from = Math.min(a, b);
            to = Math.max(a, b);
        }
        long inRange = 0;
        for (int i = 0; i < n; i++) {
            inRange += xs[i] >= from && xs[i] <= to ? 1 : 0;
        }
        int maxPoints = switch (r.nextInt(3)) {
            case 0 -> 1 + r.nextInt(30);
            case 1 -> 1 + r.nextInt(2000);
            default -> (int) Math.max(1, Math.min(2000, inRange + r.nextInt(3) - 1));
        };
        return new Case(seed, points, chunkSize, tailSize, axis, from, to, maxPoints);
    }

    private static long[] steps(Random r, int n) {
        long[] steps = new long[n];
        int shape = r.nextInt(10);
        long step = r.nextInt(1000);
        for (int i = 0; i < n; i++) {
            if (shape == 0) {
                step = r.nextInt(50_000);
            } else if (shape < 4 && r.nextInt(100) == 0) {
                // A client that logs an earlier step late.
                step = Math.max(0, step - r.nextInt(3000));
            } else {
                int d = r.nextInt(10);
                step += d == 0 ? 0 : d < 8 ? 1 : r.nextInt(10);
            }
            steps[i] = step;
        }
        return steps;
    }

    private static long[] times(Random r, int n) {
        long[] times = new long[n];
        int shape = r.nextInt(10);
        long t = 1_700_000_000_000L + r.nextInt(1_000_000);
        for (int i = 0; i < n; i++) {
            if (shape == 0) {
                // Both ends of the long range: x spans more than Long.MAX_VALUE.
                times[i] = i < n / 2 ? Long.MIN_VALUE + 10L * i : Long.MAX_VALUE - 10L * (n - i);
                continue;
            }
            if (shape == 1 && r.nextInt(200) == 0) {
                t -= r.nextInt(100_000);
            } else {
                t += r.nextInt(20) == 0 ? 0 : 95 + r.nextInt(11);
            }
            times[i] = t;
        }
        return times;
    }

    private static double[] values(Random r, int n) {
        double[] values = new double[n];
        int nanFrom = r.nextInt(10) == 0 ? r.nextInt(Math.max(n, 1)) : n;
        int nanTo = nanFrom + r.nextInt(2500);
        for (int i = 0; i < n; i++) {
            double v = Math.exp(-i / 3000.0) + 0.01 * r.nextGaussian();
            int kind = r.nextInt(1000);
            if (i >= nanFrom && i < nanTo) {
                v = Double.NaN;
            } else if (kind < 10) {
                v = Double.NaN;
            } else if (kind < 13) {
                v = Double.longBitsToDouble(0x7ff0_0000_0000_0001L | r.nextLong() & 0x000f_ffff_ffff_ffffL);
            } else if (kind < 18) {
                v = Double.POSITIVE_INFINITY;
            } else if (kind < 23) {
                v = Double.NEGATIVE_INFINITY;
            } else if (kind < 28) {
                v = r.nextBoolean() ? -0.0 : 0.0;
            } else if (kind < 33) {
                v *= 1000;
            } else if (kind < 60 && i > 0) {
                v = values[i - 1];
            }
            values[i] = v;
        }
        return values;
    }

    private static long nearby(Random r, long x) {
        long d = r.nextInt(3) - 1;
        long y = x + d;
        // Saturate instead of wrapping around the long range.
        return (d > 0 && y < x) ? Long.MAX_VALUE : (d < 0 && y > x) ? Long.MIN_VALUE : y;
    }
}
