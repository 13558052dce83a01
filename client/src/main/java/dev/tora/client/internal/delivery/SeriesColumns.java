package dev.tora.client.internal.delivery;

import java.util.Arrays;

/**
 * The points of one series waiting to be sent: parallel primitive columns (steps, values,
 * timestamps), so that logging a point stores three numbers and allocates nothing. Columns that
 * were sent come back as spares, so a steady training loop reuses the same arrays.
 */
final class SeriesColumns {

    /** Columns start this small: most series get a point per step or per epoch. */
    static final int INITIAL_CAPACITY = 64;
    /** Larger columns are not kept as spares (a burst should not pin memory for the whole run). */
    static final int MAX_SPARE_CAPACITY = 1 << 16;

    final String name;
    long[] steps;
    double[] values;
    long[] stamps;
    int n;
    private long[] spareSteps;
    private double[] spareValues;
    private long[] spareStamps;

    SeriesColumns(String name) {
        this.name = name;
        this.steps = new long[INITIAL_CAPACITY];
        this.values = new double[INITIAL_CAPACITY];
        this.stamps = new long[INITIAL_CAPACITY];
    }

    void append(long step, double value, long stamp) {
        int i = n;
        if (i == values.length) {
            grow();
        }
        steps[i] = step;
        values[i] = value;
        stamps[i] = stamp;
        n = i + 1;
    }

    private void grow() {
        int capacity = values.length * 2;
        steps = Arrays.copyOf(steps, capacity);
        values = Arrays.copyOf(values, capacity);
        stamps = Arrays.copyOf(stamps, capacity);
    }

    /** Hands the filled columns over and starts on the spares (or fresh columns of the same size). */
    Chunk take() {
        Chunk chunk = new Chunk(this, steps, values, stamps, n);
        int capacity = Math.min(values.length, MAX_SPARE_CAPACITY);
        if (spareValues != null) {
            steps = spareSteps;
            values = spareValues;
            stamps = spareStamps;
            spareSteps = null;
            spareValues = null;
            spareStamps = null;
        } else {
            steps = new long[capacity];
            values = new double[capacity];
            stamps = new long[capacity];
        }
        n = 0;
        return chunk;
    }

    /** Keeps the columns of a sent chunk for the next {@link #take()}. */
    void recycle(Chunk chunk) {
        if (spareValues == null && chunk.values.length <= MAX_SPARE_CAPACITY && chunk.values.length >= values.length) {
            spareSteps = chunk.steps;
            spareValues = chunk.values;
            spareStamps = chunk.stamps;
        }
    }
}
