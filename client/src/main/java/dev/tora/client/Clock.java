package dev.tora.client;

/**
 * The time the client reads: wall-clock milliseconds for point timestamps and monotonic
 * nanoseconds for intervals, deadlines and backoff. Tests inject their own.
 */
public interface Clock {

    /** Milliseconds since the epoch (the timestamp of a logged point). */
    long currentTimeMillis();

    /** A monotonic reading in nanoseconds, for measuring intervals only. */
    long nanoTime();

    /** The system clock. */
    static Clock system() {
        return SystemClock.INSTANCE;
    }
}
