package dev.tora.core.infrastructure.metric;

import dev.tora.core.domain.metric.PointColumns;
import dev.tora.core.domain.metric.SeriesSummary;

/** Folds new points into a series summary. */
final class SummaryUpdate {

    private SummaryUpdate() {
    }

    /** The summary after {@code points} (steps already assigned) arrived after {@code before}. */
    static SeriesSummary apply(SeriesSummary before, PointColumns points) {
        int n = points.size();
        if (n == 0) {
            return before;
        }
        long count = before.count();
        Long firstStep = before.firstStep();
        Long lastStep = before.lastStep();
        Double min = before.min();
        Double max = before.max();
        long nonfinite = before.nonfiniteCount();
        for (int i = 0; i < n; i++) {
            long s = points.step(i);
            double v = points.value(i);
            firstStep = firstStep == null ? s : Math.min(firstStep, s);
            lastStep = lastStep == null ? s : Math.max(lastStep, s);
            if (Double.isFinite(v)) {
                min = min == null ? v : Math.min(min, v);
                max = max == null ? v : Math.max(max, v);
            } else {
                nonfinite++;
            }
        }
        count += n;
        return new SeriesSummary(before.name(), count, firstStep, lastStep, points.value(n - 1), min, max,
                nonfinite, points.timestamp(n - 1));
    }
}
