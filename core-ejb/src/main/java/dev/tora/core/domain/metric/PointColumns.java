package dev.tora.core.domain.metric;

import java.util.Arrays;

/**
 * Points of one series in columns of primitives, in arrival order. Growable; not thread-safe.
 */
public final class PointColumns {

    private long[] steps;
    private double[] values;
    private long[] timestamps;
    private int size;

    /** An empty buffer with room for {@code capacity} points. */
    public PointColumns(int capacity) {
        int c = Math.max(capacity, 4);
        steps = new long[c];
        values = new double[c];
        timestamps = new long[c];
    }

    /** Wraps existing arrays (not copied); {@code size} points are valid. */
    public PointColumns(long[] steps, double[] values, long[] timestamps, int size) {
        if (steps.length < size || values.length < size || timestamps.length < size) {
            throw new IllegalArgumentException("arrays shorter than size");
        }
        this.steps = steps;
        this.values = values;
        this.timestamps = timestamps;
        this.size = size;
    }

    /** Appends one point. */
    public void add(long step, double value, long timestamp) {
        if (size == steps.length) {
            ensureCapacity(size + 1);
        }
        steps[size] = step;
        values[size] = value;
        timestamps[size] = timestamp;
        size++;
    }

    /** Appends points {@code [from, to)} of {@code other}. */
    public void addAll(PointColumns other, int from, int to) {
        int n = to - from;
        ensureCapacity(size + n);
        System.arraycopy(other.steps, from, steps, size, n);
        System.arraycopy(other.values, from, values, size, n);
        System.arraycopy(other.timestamps, from, timestamps, size, n);
        size += n;
    }

    /** Makes room for at least {@code capacity} points without further growth. */
    public void ensureCapacity(int capacity) {
        if (capacity > steps.length) {
            int c = Math.max(capacity, steps.length * 2);
            steps = Arrays.copyOf(steps, c);
            values = Arrays.copyOf(values, c);
            timestamps = Arrays.copyOf(timestamps, c);
        }
    }

    /** Number of points. */
    public int size() {
        return size;
    }

    /** Step of point {@code i}. */
    public long step(int i) {
        return steps[i];
    }

    /** Value of point {@code i}. */
    public double value(int i) {
        return values[i];
    }

    /** Timestamp (ms since epoch) of point {@code i}. */
    public long timestamp(int i) {
        return timestamps[i];
    }

    /** The x coordinate of point {@code i} on {@code axis}. */
    public long x(XAxis axis, int i) {
        return axis == XAxis.STEP ? steps[i] : timestamps[i];
    }

    /** Backing step array; valid up to {@link #size()}. */
    public long[] stepArray() {
        return steps;
    }

    /** Backing value array; valid up to {@link #size()}. */
    public double[] valueArray() {
        return values;
    }

    /** Backing timestamp array; valid up to {@link #size()}. */
    public long[] timestampArray() {
        return timestamps;
    }

    /** Removes every point. */
    public void clear() {
        size = 0;
    }
}
