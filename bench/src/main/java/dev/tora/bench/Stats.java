package dev.tora.bench;

import java.util.Arrays;
import java.util.Locale;

/** Median and percentiles of a sample. */
final class Stats {

    private Stats() {
    }

    static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static String summary(String what, double[] ms) {
        return String.format(Locale.ROOT, "%s: median %.1f ms, p95 %.1f ms, min %.1f ms (n=%d)", what,
                percentile(ms, 50), percentile(ms, 95), percentile(ms, 0), ms.length);
    }
}
