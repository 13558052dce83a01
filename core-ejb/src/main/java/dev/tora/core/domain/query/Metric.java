package dev.tora.core.domain.query;

import java.util.Objects;

/** One number of a metric's summary: {@code metrics.loss.min} is the smallest value of series {@code loss}. */
public record Metric(String name, Aggregate aggregate) implements Field {

    /** A field of series {@code name}. */
    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(aggregate, "aggregate");
    }

    /** The aggregate is always written, so that a name whose last segment is {@code min} stays unambiguous. */
    @Override
    public String text() {
        return "metrics." + KeyText.of(name) + "." + aggregate.id();
    }
}
