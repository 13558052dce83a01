package dev.tora.core.application.experiment;

import java.util.List;

/** The parameter keys and metric names a workspace's experiments use, sorted, each at most {@link #MAX} long. */
public record ColumnChoices(List<String> params, List<String> metrics) {

    /** Most names of each kind. */
    public static final int MAX = 1000;

    /** Choices; the lists are copied. */
    public ColumnChoices {
        params = List.copyOf(params);
        metrics = List.copyOf(metrics);
    }
}
