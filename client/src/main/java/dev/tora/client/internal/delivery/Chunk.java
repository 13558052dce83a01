package dev.tora.client.internal.delivery;

/**
 * Columns taken from one series: points {@code [start, end)} are still to be encoded. The arrays are
 * only read once taken, so the sender encodes them without holding the lock.
 */
final class Chunk {

    final SeriesColumns series;
    final String name;
    final long[] steps;
    final double[] values;
    final long[] stamps;
    final int end;
    int start;

    Chunk(SeriesColumns series, long[] steps, double[] values, long[] stamps, int end) {
        this.series = series;
        this.name = series.name;
        this.steps = steps;
        this.values = values;
        this.stamps = stamps;
        this.end = end;
    }

    /** A chunk of loose columns (tests and tools). */
    static Chunk of(String name, long[] steps, double[] values, long[] stamps) {
        return new Chunk(new SeriesColumns(name), steps, values, stamps, values.length);
    }

    int remaining() {
        return end - start;
    }
}
