package dev.tora.core.domain.metric;

/** What the x coordinate of a chart is. */
public enum XAxis {
    /** The training step. */
    STEP,
    /** Wall-clock time in ms since the epoch. */
    TIME
}
